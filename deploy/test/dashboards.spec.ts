import { MetricsRegistry } from '@work-permit/observability';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

const root = join(__dirname, '../..');
const dashboardsDir = join(root, 'deploy/grafana/dashboards');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Metrics scraped from something other than our services: Prometheus' own and Kafka Exporter's. */
const EXTERNAL_METRICS = ['up', 'kafka_consumergroup_lag', 'kafka_topic_partition_current_offset', 'kafka_topic_partition_oldest_offset'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist' || entry === 'gen') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry) && !/\.(int-)?spec\.ts$/.test(entry) ? [path] : [];
  });
}

const REGISTRATION = /\.(counter|gauge|histogram)\(\s*'([a-z_]+)',\s*([^,]+),/g;

/**
 * The names the services register, read from the sources: every `registry.counter|gauge|histogram('subsystem',
 * 'name', …)`, and where a helper passes the name through (`const gauge = (name, …) => registry.gauge('stats',
 * name, …)`), that helper's calls. A histogram also gives `_bucket`, `_sum` and `_count`.
 */
function registeredMetrics(): { names: Set<string>; unread: string[] } {
  const names = new Set<string>();
  const unread: string[] = [];
  for (const file of [...sourceFiles(join(root, 'libs')), ...sourceFiles(join(root, 'services'))]) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(REGISTRATION)) {
      const [, kind, subsystem, nameArgument] = match;
      const literal = /^'([a-z_]+)'$/.exec(nameArgument.trim());
      const add = (name: string) => {
        const full = `${subsystem}_${name}`;
        names.add(full);
        if (kind === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(full + suffix);
      };
      if (literal) {
        add(literal[1]);
        continue;
      }
      // The helper that passes its first parameter on as the name, and its calls in the same file.
      const helpers = [...source.slice(0, match.index).matchAll(new RegExp(`const (\\w+) = (?:<[^>]*>)?\\(${nameArgument.trim()}: string`, 'g'))];
      const helper = helpers.at(-1)?.[1];
      const calls = helper ? [...source.matchAll(new RegExp(`\\b${helper}\\(\\s*'([a-z_]+)'`, 'g'))] : [];
      if (calls.length === 0) unread.push(`${relative(root, file)}: ${match[0]}`);
      for (const [, name] of calls) add(name);
    }
  }
  return { names, unread };
}

/** prom-client's process and Node.js defaults, as the services' registry exposes them. */
async function defaultMetrics(): Promise<string[]> {
  const text = await new MetricsRegistry('probe').metrics();
  return [...text.matchAll(/^# TYPE (\w+) (\w+)$/gm)].flatMap(([, name, type]) => (type === 'histogram' ? [name, `${name}_bucket`, `${name}_sum`, `${name}_count`] : [name]));
}

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid?: string };
  gridPos?: { h: number; w: number; x: number; y: number };
  targets?: { refId: string; expr?: string }[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating?: { list: { name: string; query?: string | { query?: string }; definition?: string }[] };
}

const dashboards: [string, Dashboard][] = readdirSync(dashboardsDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(dashboardsDir, file), 'utf8')) as Dashboard]);

const allPanels = (panels: Panel[]): Panel[] => panels.flatMap((panel) => [panel, ...allPanels(panel.panels ?? [])]);

const PROMQL_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan']);

/** The metric names a PromQL expression reads: identifiers that are not functions, labels, keywords, durations or strings. */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // strings
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // ranges
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '') // label lists
    .replace(/\$\{?\w+\}?/g, ''); // Grafana variables
  return [...stripped.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)(?![\w:])(?!\s*\()/g)].map(([, name]) => name).filter((name) => !PROMQL_KEYWORDS.has(name.toLowerCase()));
}

/** The metric a Grafana template variable reads (`label_values(metric{…}, label)`). */
function variableMetrics(query: string): string[] {
  const labelValues = /^label_values\(\s*([a-zA-Z_:][\w:]*)\s*(?:\{[^}]*\})?\s*,\s*\w+\s*\)$/.exec(query.trim());
  return labelValues ? [labelValues[1]] : metricNamesIn(query);
}

describe('the Grafana dashboards', () => {
  let known: Set<string>;

  beforeAll(async () => {
    const { names, unread } = registeredMetrics();
    expect(unread).toEqual([]);
    known = new Set([...names, ...(await defaultMetrics()), ...EXTERNAL_METRICS]);
  });

  it('are the business one and the operations one, each parsed with a uid and a title of its own', () => {
    expect(dashboards.map(([file]) => file).sort()).toEqual(expect.arrayContaining(['data-sharing-statistics.json', 'operations.json']));
    for (const [, dashboard] of dashboards) {
      expect(dashboard.uid).toMatch(/^[\w-]{1,40}$/);
      expect(dashboard.title).toBeTruthy();
    }
    expect(new Set(dashboards.map(([, d]) => d.uid)).size).toBe(dashboards.length);
  });

  it('read the metrics from the source, process and Node.js defaults included, under their unprefixed names', () => {
    expect([...known]).toEqual(
      expect.arrayContaining([
        'messaging_messages_consumed_total',
        'messaging_outbox_backlog_messages',
        'messaging_handling_duration_seconds_bucket',
        'http_requests_total',
        'http_request_duration_seconds_bucket',
        'stats_cases',
        'stats_blocking_waiting',
        'review_items',
        'audit_chain_intact',
        'workdays_calendar_next_year_missing',
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
      ]),
    );
    expect([...known].filter((name) => /^(portal|admin_approval|science_tech|public_security|hr_social_security|data_sharing)_/.test(name))).toEqual([]);
  });

  it.each(dashboards)('%s: every panel query reads only metrics that exist, the service chosen by label', (_file, dashboard) => {
    const panels = allPanels(dashboard.panels);
    const ids = panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    const queries = panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
    expect(queries.length).toBeGreaterThan(0);
    const unknown: string[] = [];
    const unlabelled: string[] = [];
    for (const { panel, expr } of queries) {
      expect(typeof expr).toBe('string');
      const names = metricNamesIn(expr!);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) if (!known.has(name)) unknown.push(`${panel}: ${name}`);
      // Our metrics are the same in every service: a query says which service by the scrape's label.
      for (const name of names.filter((n) => !EXTERNAL_METRICS.includes(n))) {
        if (!new RegExp(`\\b${name}\\{[^}]*\\bservice=~?"`).test(expr!)) unlabelled.push(`${panel}: ${name}`);
      }
    }
    for (const variable of dashboard.templating?.list ?? []) {
      const query = typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? variable.definition ?? '');
      for (const name of variableMetrics(query)) if (!known.has(name)) unknown.push(`$${variable.name}: ${name}`);
    }
    expect(unknown).toEqual([]);
    expect(unlabelled).toEqual([]);
  });

  it.each(dashboards)('%s: every panel sits on the grid and reads the provisioned Prometheus', (_file, dashboard) => {
    for (const panel of allPanels(dashboard.panels)) {
      expect(panel.gridPos).toEqual({ h: expect.any(Number), w: expect.any(Number), x: expect.any(Number), y: expect.any(Number) });
      expect(panel.gridPos!.x + panel.gridPos!.w).toBeLessThanOrEqual(24);
      if (panel.type !== 'row') expect(panel.datasource?.uid).toBe('prometheus');
    }
  });

  it('operations: shows consumer lag, throughput, errors, outbox, dead letters, HTTP p95 and memory', () => {
    const operations = dashboards.find(([file]) => file === 'operations.json')![1];
    const exprs = allPanels(operations.panels).flatMap((panel) => (panel.targets ?? []).map((target) => target.expr ?? ''));
    const reading = (pattern: RegExp) => exprs.filter((expr) => pattern.test(expr));
    expect(reading(/sum by \(consumergroup\) \(kafka_consumergroup_lag\)/)).not.toEqual([]);
    expect(reading(/sum by \(service\) \(rate\(messaging_messages_consumed_total/)).not.toEqual([]);
    expect(reading(/sum by \(service\) \(rate\(messaging_messages_produced_total/)).not.toEqual([]);
    expect(reading(/http_requests_total\{[^}]*status_code=~"5\.\."/)).not.toEqual([]);
    expect(reading(/sum by \(service\) \(increase\(messaging_dead_lettered_total/)).not.toEqual([]);
    expect(reading(/messaging_outbox_backlog_messages/)).not.toEqual([]);
    expect(reading(/histogram_quantile\(0\.95, sum by \(service, le\) \(rate\(http_request_duration_seconds_bucket/)).not.toEqual([]);
    expect(reading(/process_resident_memory_bytes/)).not.toEqual([]);
  });

  it('the metric-name reader takes functions, labels, ranges and strings out of a query', () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket{service=~"$service",route!~"/metrics|/health.*"}[$__rate_interval])))')).toEqual([
      'http_request_duration_seconds_bucket',
    ]);
    expect(metricNamesIn('sum(a_total{x="b_c"}) / on (service) group_left sum(b_total) or vector(0)')).toEqual(['a_total', 'b_total']);
    expect(metricNamesIn('topk(10, data_sharing_stats_blocking_waiting)')).toEqual(['data_sharing_stats_blocking_waiting']);
  });

  it('are all provisioned: the provider loads every JSON of the folder Grafana mounts', () => {
    const provider = parseYaml(read('deploy/grafana/provisioning/dashboards/work-permit.yml')) as { providers: { type: string; options: { path: string } }[] };
    expect(provider.providers).toEqual([expect.objectContaining({ type: 'file', options: expect.objectContaining({ path: '/etc/grafana/dashboards' }) })]);
    expect(read('docker-compose.yml')).toContain('./deploy/grafana/dashboards:/etc/grafana/dashboards');
  });
});

describe('the Prometheus scrape configs', () => {
  const services = (JSON.parse(read('deploy/local/services.json')) as { name: string; port: number }[]).map((service) => service.name).sort();

  it.each(['deploy/prometheus/prometheus.yml', 'deploy/prometheus/prometheus.local.yml'])('%s: labels every service target with its service', (path) => {
    const config = parseYaml(read(path)) as { scrape_configs: { job_name: string; static_configs?: { targets: string[]; labels?: Record<string, string> }[] }[] };
    const job = config.scrape_configs.find((scrape) => scrape.job_name === 'work-permit')!;
    const labelled = job.static_configs!.map((group) => {
      expect(group.targets).toHaveLength(1);
      return group.labels?.service;
    });
    expect(labelled.sort()).toEqual(services);
  });
});

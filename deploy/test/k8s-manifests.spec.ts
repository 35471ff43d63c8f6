// The Kubernetes manifests (deploy/k8s) as CI sees them: both overlays rendered with `kubectl kustomize`,
// every object validated against its schema, then the cross-checks that tie them to the code (the
// services, TOPOLOGY's topics and ACLs, the probes, the entry's routes). The last block breaks a copy of
// the rendered objects in one way each and expects the matching check to say so.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deadLetterTopicOfGroup, kafkaAclsOf, retentionMsOf, SERVICE_NAMES, type ServiceName, TOPOLOGY } from '@work-permit/contracts';
import Ajv, { type ValidateFunction } from 'ajv';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Gateway, HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { PodMonitor, PrometheusRule, ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { parse, parseAllDocuments } from 'yaml';

const root = join(__dirname, '..', '..');
const k8s = join(root, 'deploy', 'k8s');
const KUBECTL = process.env.KUBECTL ?? 'kubectl';
const SERVICE_PORTS = Object.fromEntries((JSON.parse(readFileSync(join(root, 'deploy/local/services.json'), 'utf8')) as { name: string; port: number }[]).map((s) => [s.name, s.port]));
/** The web front's agency keys (services/portal/src/web/web-settings.ts) and the services behind them. */
const AGENCY_SERVICES: Record<string, ServiceName> = { approval: 'admin-approval', scitech: 'science-tech', psb: 'public-security', hrss: 'hr-social-security', bigdata: 'data-sharing' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: any; data?: Record<string, string> };

function render(overlay: string): K8sObject[] {
  const out = execFileSync(KUBECTL, ['kustomize', join(k8s, 'overlays', overlay)], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  return parseAllDocuments(out).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${overlay}: ${doc.errors[0].message}`);
    return doc.toJS() as K8sObject;
  });
}

// ---------------------------------------------------------------------------------------------------
// Schemas: kubernetes-models for the built-in kinds, the Gateway API, KEDA and the Prometheus operator;
// ajv and deploy/k8s/schemas for Strimzi and CloudNativePG.

/** Unknown fields are pruned silently by the API server: here they are errors (objects closed). */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === 'enum' ? value : closed(value)])) as Record<string, unknown>;
  if (copy.properties && !copy['x-kubernetes-preserve-unknown-fields'] && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const schemaFor = (file: string): ValidateFunction => ajv.compile(closed(parse(readFileSync(join(k8s, 'schemas', file), 'utf8'))) as object);
const OWN_SCHEMAS: Record<string, ValidateFunction> = {
  'kafka.strimzi.io/v1beta2/Kafka': schemaFor('strimzi-kafka.yaml'),
  'kafka.strimzi.io/v1beta2/KafkaNodePool': schemaFor('strimzi-kafkanodepool.yaml'),
  'kafka.strimzi.io/v1beta2/KafkaTopic': schemaFor('strimzi-kafkatopic.yaml'),
  'kafka.strimzi.io/v1beta2/KafkaUser': schemaFor('strimzi-kafkauser.yaml'),
  'postgresql.cnpg.io/v1/Cluster': schemaFor('cnpg-cluster.yaml'),
  'postgresql.cnpg.io/v1/Database': schemaFor('cnpg-database.yaml'),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'gateway.networking.k8s.io/v1/Gateway': Gateway,
  'gateway.networking.k8s.io/v1/HTTPRoute': HTTPRoute,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
};

/** Throws naming the object and what is wrong with it; an unknown kind is an error too. */
function validateObject(object: K8sObject): void {
  const type = `${object.apiVersion}/${object.kind}`;
  const where = `${object.kind} ${object.metadata?.name}`;
  const Model = MODELS[type];
  if (Model) {
    try {
      new Model(object).validate();
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
    return;
  }
  const schema = OWN_SCHEMAS[type];
  if (!schema) throw new Error(`${where}: no schema for ${type}`);
  const valid = schema(object) as boolean;
  if (!valid) throw new Error(`${where}: ${ajv.errorsText(schema.errors, { dataVar: object.kind })}`);
}

// ---------------------------------------------------------------------------------------------------
// Cross-checks: each answers the problems it finds (none: []).

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const find = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([k, v]) => labels[k] === v);

function checkServices(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const service of SERVICE_NAMES) {
    const deployment = find(objects, 'Deployment', service);
    if (!deployment) {
      problems.push(`${service}: no Deployment`);
      continue;
    }
    const pod = deployment.spec.template;
    const [app] = pod.spec.containers;
    const live = app.livenessProbe?.httpGet?.path;
    const ready = app.readinessProbe?.httpGet?.path;
    if (live !== '/health/live') problems.push(`${service}: liveness probe is ${live}, not /health/live`);
    if (ready !== '/health/ready') problems.push(`${service}: readiness probe is ${ready}, not /health/ready`);
    if (live === ready) problems.push(`${service}: liveness and readiness probe the same path`);
    if (app.ports?.[0]?.containerPort !== SERVICE_PORTS[service]) problems.push(`${service}: container port ${app.ports?.[0]?.containerPort}, services.json says ${SERVICE_PORTS[service]}`);
    if (!app.resources?.limits?.memory || !app.resources?.requests?.cpu) problems.push(`${service}: resources without a memory limit or a cpu request`);
    const security = { ...pod.spec.securityContext, ...app.securityContext };
    if (security.runAsNonRoot !== true) problems.push(`${service}: may run as root`);
    if (security.readOnlyRootFilesystem !== true) problems.push(`${service}: writable root filesystem`);
    if (security.allowPrivilegeEscalation !== false) problems.push(`${service}: privilege escalation allowed`);
    if (JSON.stringify(security.capabilities?.drop) !== '["ALL"]') problems.push(`${service}: capabilities not all dropped`);
    if (security.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${service}: no RuntimeDefault seccomp profile`);
    const podLabels = pod.metadata.labels as Record<string, string>;
    const svc = find(objects, 'Service', service);
    if (!svc || !matches(svc.spec.selector, podLabels)) problems.push(`${service}: no Service selecting its pods`);
    const pdb = find(objects, 'PodDisruptionBudget', service);
    // One pod kept through a drain where there are two; with one replica that would block every drain.
    const replicas = deployment.spec.replicas ?? 1;
    const budgetFits = replicas >= 2 ? pdb?.spec.minAvailable === 1 : pdb?.spec.maxUnavailable === 1 && pdb?.spec.minAvailable === undefined;
    if (!pdb || !matches(pdb.spec.selector.matchLabels, podLabels) || !budgetFits) problems.push(`${service}: no PodDisruptionBudget for its pods (minAvailable 1 with ≥ 2 replicas, maxUnavailable 1 with one)`);
    const policy = byKind(objects, 'NetworkPolicy').find((p) => p.metadata.name === service && matches(p.spec.podSelector.matchLabels, podLabels));
    if (!policy || JSON.stringify([...policy.spec.policyTypes].sort()) !== '["Egress","Ingress"]') problems.push(`${service}: no NetworkPolicy restricting both ingress and egress`);
    const job = find(objects, 'Job', `${service}-migrate`);
    const command: string[] = job?.spec.template.spec.containers[0].command ?? [];
    if (!job || command.at(-1) !== 'migrate' || !command.includes(`dist/services/${service}/src/main.js`)) problems.push(`${service}: no migration Job running main.js migrate`);
    else if (job.spec.template.spec.containers[0].image !== app.image) problems.push(`${service}: the migration Job runs another image than the Deployment`);
  }
  return problems;
}

function checkKafkaUsers(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const service of SERVICE_NAMES) {
    const user = find(objects, 'KafkaUser', service);
    if (!user) {
      problems.push(`${service}: no KafkaUser`);
      continue;
    }
    if (user.spec.authentication?.type !== 'scram-sha-512' || user.spec.authorization?.type !== 'simple') problems.push(`${service}: KafkaUser not scram-sha-512 with simple authorization`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const actual = (user.spec.authorization?.acls ?? []).map((acl: any) => ({
      resourceType: acl.resource.type,
      name: acl.resource.name,
      pattern: acl.resource.patternType ?? 'literal',
      type: acl.type ?? 'allow',
      operations: [...acl.operations].sort(),
    }));
    const expected = kafkaAclsOf(service).map((acl) => ({ resourceType: acl.resourceType, name: acl.name, pattern: acl.patternType === 'prefixed' ? 'prefix' : 'literal', type: 'allow', operations: [...acl.operations].sort() }));
    const key = (acl: { resourceType: string; name: string }) => `${acl.resourceType}:${acl.name}`;
    const sort = <T extends { resourceType: string; name: string }>(list: T[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    if (JSON.stringify(sort(actual)) !== JSON.stringify(sort(expected))) problems.push(`${service}: KafkaUser ACLs ${JSON.stringify(sort(actual))} are not kafkaAclsOf: ${JSON.stringify(sort(expected))}`);
  }
  return problems;
}

function checkKafkaTopics(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const serviceTopics = new Set<string>(SERVICE_NAMES.flatMap((service) => [...TOPOLOGY[service].produces, ...TOPOLOGY[service].consumes]));
  const deadLetterTopics = SERVICE_NAMES.filter((service) => TOPOLOGY[service].consumes.length > 0).map((service) => deadLetterTopicOfGroup(service));
  for (const topic of [...serviceTopics, ...deadLetterTopics]) {
    const object = byKind(objects, 'KafkaTopic').find((t) => (t.spec.topicName ?? t.metadata.name) === topic);
    if (!object) {
      problems.push(`${topic}: no KafkaTopic`);
      continue;
    }
    if (object.metadata.labels?.['strimzi.io/cluster'] !== 'weihai') problems.push(`${topic}: not labelled for the weihai cluster`);
    if (object.spec.replicas !== 3) problems.push(`${topic}: ${object.spec.replicas} replicas, not 3`);
    if (Number(object.spec.config?.['min.insync.replicas']) !== 2) problems.push(`${topic}: min.insync.replicas ${object.spec.config?.['min.insync.replicas']}, not 2`);
    const retention = Number(object.spec.config?.['retention.ms']);
    if (serviceTopics.has(topic) && retention !== -1) problems.push(`${topic}: retention.ms ${retention}: a rebuild replays it from the start, it must be -1`);
    if (deadLetterTopics.includes(topic) && retention !== retentionMsOf(topic)) problems.push(`${topic}: dead letters kept ${retention} ms, not ${retentionMsOf(topic)} (retentionMsOf)`);
  }
  return problems;
}

function commonConfig(objects: K8sObject[]): Record<string, string> {
  const config = byKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('weihai-common'));
  return config?.data ?? {};
}

function checkProduction(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const config = commonConfig(objects);
  const expected: Record<string, string> = { NODE_ENV: 'production', KAFKA_PROVISION_TOPICS: 'false', DATABASE_MIGRATE_AT_BOOT: 'false', DATABASE_CREATE: 'false', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512' };
  for (const [key, value] of Object.entries(expected)) if (config[key] !== value) problems.push(`production ${key}=${config[key]}, must be ${value}`);
  for (const service of SERVICE_NAMES) {
    const deployment = find(objects, 'Deployment', service);
    if ((deployment?.spec.replicas ?? 1) < 2) problems.push(`${service}: fewer than 2 replicas`);
    const scaled = find(objects, 'ScaledObject', service);
    if (!scaled || scaled.spec.scaleTargetRef.name !== service || scaled.spec.minReplicaCount < 2) problems.push(`${service}: no ScaledObject from 2 replicas`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const kafkaTriggers = (scaled?.spec.triggers ?? []).filter((t: any) => t.type === 'kafka');
    const lagTopics = kafkaTriggers.map((t: { metadata: { topic: string } }) => t.metadata.topic).sort();
    if (JSON.stringify(lagTopics) !== JSON.stringify([...TOPOLOGY[service].consumes].sort())) problems.push(`${service}: scales on the lag of ${lagTopics.join(', ')}, consumes ${TOPOLOGY[service].consumes.join(', ')}`);
    if (kafkaTriggers.some((t: { metadata: { consumerGroup: string } }) => t.metadata.consumerGroup !== service)) problems.push(`${service}: a lag trigger watches another consumer group`);
  }
  // No HPA besides the one KEDA makes from the ScaledObject.
  for (const hpa of byKind(objects, 'HorizontalPodAutoscaler')) {
    if (find(objects, 'ScaledObject', hpa.spec.scaleTargetRef.name)) problems.push(`${hpa.metadata.name}: an HPA and a ScaledObject on the same Deployment`);
  }
  if (byKind(objects, 'Secret').length > 0) problems.push(`production renders Secrets (${byKind(objects, 'Secret').map((s) => s.metadata.name).join(', ')}): operations create them`);
  return problems;
}

/** Every route's backends exist; every agency address the web front is given is routed to that agency's service. */
function checkEntry(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const routes = byKind(objects, 'HTTPRoute');
  if (routes.length === 0) return ['no HTTPRoute'];
  const table: { prefix: string; service: string }[] = [];
  for (const route of routes) {
    for (const parent of route.spec.parentRefs ?? []) if (!find(objects, 'Gateway', parent.name)) problems.push(`${route.metadata.name}: no Gateway ${parent.name}`);
    for (const rule of route.spec.rules ?? []) {
      for (const backend of rule.backendRefs ?? []) {
        const service = find(objects, 'Service', backend.name);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        if (!service || !service.spec.ports.some((port: any) => port.port === backend.port)) problems.push(`${route.metadata.name}: backend ${backend.name}:${backend.port} does not exist`);
        for (const match of rule.matches ?? []) table.push({ prefix: match.path?.value, service: backend.name });
      }
    }
  }
  const routeOf = (path: string) => table.filter((r) => path.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0]?.service;
  for (const entry of (commonConfig(objects).WEB_AGENCY_URLS ?? '').split(',').filter(Boolean)) {
    const [agency, url] = entry.split(/=(.*)/s, 2);
    const target = routeOf(`${new URL(url).pathname}/api/items`);
    if (target !== AGENCY_SERVICES[agency]) problems.push(`${agency}: ${url}/api goes to ${target}, not ${AGENCY_SERVICES[agency]}`);
  }
  if (routeOf('/api/cases') !== 'portal' || routeOf('/') !== 'portal') problems.push('the web front and /api are not routed to the portal');
  return problems;
}

/** Every Secret and ConfigMap a pod reads is rendered (local: placeholders). */
function checkReferencesRendered(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const workload of [...byKind(objects, 'Deployment'), ...byKind(objects, 'Job')]) {
    const spec = workload.spec.template.spec;
    const refs: { kind: string; name: string }[] = [];
    for (const container of spec.containers) {
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef) refs.push({ kind: 'ConfigMap', name: from.configMapRef.name });
        if (from.secretRef) refs.push({ kind: 'Secret', name: from.secretRef.name });
      }
      for (const env of container.env ?? []) {
        if (env.valueFrom?.configMapKeyRef) refs.push({ kind: 'ConfigMap', name: env.valueFrom.configMapKeyRef.name });
        if (env.valueFrom?.secretKeyRef) refs.push({ kind: 'Secret', name: env.valueFrom.secretKeyRef.name });
      }
    }
    for (const ref of refs) if (!find(objects, ref.kind, ref.name)) problems.push(`${workload.kind} ${workload.metadata.name}: ${ref.kind} ${ref.name} is not rendered`);
  }
  return problems;
}

/** The metrics the alerts use are the ones the code registers (`registry.counter('<subsystem>', '<name>'…)`). */
function checkAlertMetrics(objects: K8sObject[], sources: string): string[] {
  const problems: string[] = [];
  const rules = byKind(objects, 'PrometheusRule').flatMap((rule) => rule.spec.groups.flatMap((group: { rules: { alert: string; expr: string }[] }) => group.rules));
  const registered = new Set([...sources.matchAll(/\.(?:counter|gauge|histogram)\(\s*'([a-z_]+)',\s*'([a-z_]+)'/g)].map(([, subsystem, name]) => `${subsystem}_${name}`));
  const servicePrefix = new RegExp(`^(${SERVICE_NAMES.map((service) => service.replace(/-/g, '_')).join('|')})_`);
  const used = new Set<string>();
  for (const rule of rules) {
    for (const [token] of rule.expr.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
      used.add(token);
      if (servicePrefix.test(token)) problems.push(`${rule.alert}: ${token} carries the service prefix (the service is a label now)`);
      else if (/^(messaging|review|audit|workdays_calendar)_/.test(token) && !registered.has(token)) problems.push(`${rule.alert}: ${token} is not a metric the code registers`);
    }
  }
  for (const needed of ['kafka_consumergroup_lag', 'messaging_dead_lettered_total', 'messaging_dead_letters_waiting_messages', 'messaging_outbox_backlog_messages', 'review_overdue_announced_total', 'audit_chain_intact', 'workdays_calendar_next_year_missing']) {
    if (!used.has(needed)) problems.push(`no alert on ${needed}`);
  }
  return problems;
}

function sourcesOf(dir: string): string {
  return readdirSync(dir)
    .map((entry) => join(dir, entry))
    .map((path) => (statSync(path).isDirectory() ? (path.endsWith('node_modules') ? '' : sourcesOf(path)) : path.endsWith('.ts') && !path.endsWith('.spec.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------

const overlays = { local: render('local'), production: render('production') };
const codeSources = sourcesOf(join(root, 'libs')) + sourcesOf(join(root, 'services'));

describe.each(Object.entries(overlays))('the %s overlay', (overlay, objects) => {
  it('renders, every object valid against its schema', () => {
    expect(objects.length).toBeGreaterThan(30);
    const failures = objects.flatMap((object) => {
      try {
        validateObject(object);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(failures).toEqual([]);
  });

  it('has every service with its probes, resources, hardening, Service, PDB, NetworkPolicy and migration Job', () => {
    expect(checkServices(objects)).toEqual([]);
  });

  it('renders every ConfigMap and Secret a pod reads (production: the ConfigMaps; its Secrets are made by operations)', () => {
    const problems = checkReferencesRendered(objects);
    expect(overlay === 'production' ? problems.filter((p) => !p.includes('Secret ')) : problems).toEqual([]);
  });

  it('routes the web front and every agency API through the one entry', () => {
    expect(checkEntry(objects)).toEqual([]);
  });
});

describe('the production overlay', () => {
  const objects = overlays.production;

  it('has a KafkaUser per service whose ACLs are exactly kafkaAclsOf(service)', () => {
    expect(checkKafkaUsers(objects)).toEqual([]);
  });

  it('has a KafkaTopic for every topic in TOPOLOGY and every group dead-letter topic: 3 replicas, min.insync.replicas 2, retention as needed', () => {
    expect(checkKafkaTopics(objects)).toEqual([]);
  });

  it('leaves topics, databases and migrations to operations, talks SASL over TLS, runs two replicas at least, scales on its consumer lag', () => {
    expect(checkProduction(objects)).toEqual([]);
  });

  it('alerts on lag, dead letters, outbox backlog, overdue items, the audit chain and the calendar, with metrics the code registers', () => {
    expect(checkAlertMetrics(objects, codeSources)).toEqual([]);
  });

  it('scrapes every service with the service label from app.kubernetes.io/name', () => {
    const monitor = find(objects, 'ServiceMonitor', 'weihai-services');
    expect(monitor?.spec.endpoints[0].relabelings).toContainEqual(expect.objectContaining({ sourceLabels: ['__meta_kubernetes_service_label_app_kubernetes_io_name'], targetLabel: 'service' }));
    for (const service of SERVICE_NAMES) expect(matches(monitor?.spec.selector.matchLabels, find(objects, 'Service', service)?.metadata.labels)).toBe(true);
  });

  it('gives each service its own database and login role, neither superuser nor allowed to create databases', () => {
    const cluster = find(objects, 'Cluster', 'weihai-postgres');
    for (const service of SERVICE_NAMES) {
      const role = `weihai_${service.replace(/-/g, '_')}`;
      expect(cluster?.spec.managed.roles).toContainEqual(expect.objectContaining({ name: role, login: true, superuser: false, createdb: false, createrole: false, passwordSecret: { name: `${service}-db` } }));
      expect(byKind(objects, 'Database').find((d) => d.spec.name === role)?.spec).toMatchObject({ owner: role, cluster: { name: 'weihai-postgres' } });
    }
  });
});

describe('the checks catch a broken manifest', () => {
  const production = () => structuredClone(overlays.production);
  const local = () => structuredClone(overlays.local);
  const mutate = (objects: K8sObject[], kind: string, name: string, change: (object: K8sObject) => void) => {
    change(find(objects, kind, name) as K8sObject);
    return objects;
  };

  it.each([
    ['a Deployment with replicas "two"', 'Deployment', 'portal', (o: K8sObject) => (o.spec.replicas = 'two'), /Deployment portal/],
    ['a Service with no ports of the right shape', 'Service', 'portal', (o: K8sObject) => (o.spec.ports = [{ port: 'http' }]), /Service portal/],
    ['a NetworkPolicy with an unknown policy type field', 'NetworkPolicy', 'portal', (o: K8sObject) => (o.spec.policyTypes = 'Ingress'), /NetworkPolicy portal/],
    ['a KafkaTopic with 0 partitions', 'KafkaTopic', 'approval.events', (o: K8sObject) => (o.spec.partitions = 0), /KafkaTopic approval.events/],
    ['a KafkaTopic with a misspelt field', 'KafkaTopic', 'approval.events', (o: K8sObject) => (o.spec.replica = 3), /must NOT have additional properties/],
    ['a KafkaUser with an unknown operation', 'KafkaUser', 'portal', (o: K8sObject) => o.spec.authorization.acls[0].operations.push('Produce'), /KafkaUser portal/],
    ['a Kafka listener without tls', 'Kafka', 'weihai', (o: K8sObject) => delete o.spec.kafka.listeners[0].tls, /Kafka weihai/],
    ['a KafkaNodePool without roles', 'KafkaNodePool', 'brokers', (o: K8sObject) => delete o.spec.roles, /KafkaNodePool brokers/],
    ['a CNPG role with a boolean as name', 'Cluster', 'weihai-postgres', (o: K8sObject) => (o.spec.managed.roles[0].name = true), /Cluster weihai-postgres/],
    ['a CNPG Database without owner', 'Database', 'weihai-portal', (o: K8sObject) => delete o.spec.owner, /Database weihai-portal/],
    ['a ScaledObject without its target', 'ScaledObject', 'portal', (o: K8sObject) => delete o.spec.scaleTargetRef, /ScaledObject portal/],
    ['a PrometheusRule rule without expr', 'PrometheusRule', 'weihai', (o: K8sObject) => delete o.spec.groups[0].rules[0].expr, /PrometheusRule weihai/],
    ['an HTTPRoute with an unknown path match type', 'HTTPRoute', 'weihai', (o: K8sObject) => (o.spec.rules[0].matches[0].path.type = 'Glob'), /HTTPRoute weihai/],
  ])('schema: %s', (_what, kind, name, change, message) => {
    const object = find(mutate(production(), kind, name, change), kind, name) as K8sObject;
    expect(() => validateObject(object)).toThrow(message);
  });

  it('schema: an object of a kind nobody validates', () => {
    expect(() => validateObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toThrow(/no schema for example.com\/v1\/Widget/);
  });

  it('services: probes on one path, a missing readiness probe, a root filesystem left writable, a migration Job gone', () => {
    const objects = local();
    mutate(objects, 'Deployment', 'science-tech', (o) => (o.spec.template.spec.containers[0].readinessProbe.httpGet.path = '/health/live'));
    mutate(objects, 'Deployment', 'portal', (o) => delete o.spec.template.spec.containers[0].readinessProbe);
    mutate(objects, 'Deployment', 'data-sharing', (o) => (o.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false));
    const withoutJob = objects.filter((o) => !(o.kind === 'Job' && o.metadata.name === 'hr-social-security-migrate'));
    expect(checkServices(withoutJob)).toEqual([
      'portal: readiness probe is undefined, not /health/ready',
      'science-tech: readiness probe is /health/live, not /health/ready',
      'science-tech: liveness and readiness probe the same path',
      'hr-social-security: no migration Job running main.js migrate',
      'data-sharing: writable root filesystem',
    ]);
  });

  it('services: a disruption budget that would block every drain of one replica, or let both of two go', () => {
    const single = mutate(local(), 'PodDisruptionBudget', 'portal', (o) => {
      delete o.spec.maxUnavailable;
      o.spec.minAvailable = 1;
    });
    expect(checkServices(single)).toEqual([expect.stringMatching(/^portal: no PodDisruptionBudget for its pods/)]);
    const pair = mutate(production(), 'PodDisruptionBudget', 'admin-approval', (o) => {
      delete o.spec.minAvailable;
      o.spec.maxUnavailable = 2;
    });
    expect(checkServices(pair)).toEqual([expect.stringMatching(/^admin-approval: no PodDisruptionBudget for its pods/)]);
  });

  it('Kafka users: an ACL more than kafkaAclsOf allows', () => {
    const objects = mutate(production(), 'KafkaUser', 'science-tech', (o) => o.spec.authorization.acls.push({ resource: { type: 'topic', name: 'approval.events', patternType: 'literal' }, operations: ['Write'] }));
    expect(checkKafkaUsers(objects)).toEqual([expect.stringMatching(/^science-tech: KafkaUser ACLs .* are not kafkaAclsOf/)]);
  });

  it('Kafka topics: two replicas, a dead-letter topic missing, a replayed topic with a retention', () => {
    const objects = mutate(production(), 'KafkaTopic', 'psb.events', (o) => {
      o.spec.replicas = 2;
      o.spec.config['retention.ms'] = 604800000;
    }).filter((o) => o.metadata.name !== 'portal.dlq');
    expect(checkKafkaTopics(objects)).toEqual([
      'psb.events: 2 replicas, not 3',
      'psb.events: retention.ms 604800000: a rebuild replays it from the start, it must be -1',
      'portal.dlq: no KafkaTopic',
    ]);
  });

  it('production: topics provisioned by the services, migrations at boot, an HPA beside a ScaledObject, a Secret rendered', () => {
    const objects = production();
    const config = byKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('weihai-common')) as K8sObject;
    config.data = { ...config.data, KAFKA_PROVISION_TOPICS: 'true', DATABASE_MIGRATE_AT_BOOT: 'true' };
    objects.push({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'portal-cpu' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'portal' } } });
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'portal-secrets' } });
    expect(checkProduction(objects)).toEqual([
      'production KAFKA_PROVISION_TOPICS=true, must be false',
      'production DATABASE_MIGRATE_AT_BOOT=true, must be false',
      'portal-cpu: an HPA and a ScaledObject on the same Deployment',
      'production renders Secrets (portal-secrets): operations create them',
    ]);
  });

  it('entry: a backend that does not exist, an agency routed to another service', () => {
    const objects = mutate(production(), 'HTTPRoute', 'weihai', (o) => {
      o.spec.rules[0].backendRefs[0].name = 'admin-aproval';
      o.spec.rules[1].backendRefs[0] = { name: 'public-security', port: 3003 };
    });
    expect(checkEntry(objects)).toEqual([
      'weihai: backend admin-aproval:3001 does not exist',
      'approval: https://work.weihai.gov.cn/agencies/approval/api goes to admin-aproval, not admin-approval',
      'scitech: https://work.weihai.gov.cn/agencies/scitech/api goes to public-security, not science-tech',
    ]);
  });

  it('references: a Secret a pod reads that is not rendered', () => {
    const objects = local().filter((o) => !(o.kind === 'Secret' && o.metadata.name === 'portal-db'));
    expect(checkReferencesRendered(objects)).toEqual(expect.arrayContaining(['Deployment portal: Secret portal-db is not rendered', 'Job portal-migrate: Secret portal-db is not rendered']));
  });

  it('alerts: a metric the code does not register', () => {
    const objects = mutate(production(), 'PrometheusRule', 'weihai', (o) => (o.spec.groups[0].rules[1].expr = 'increase(portal_messaging_dead_lettered_total[15m]) > 0'));
    expect(checkAlertMetrics(objects, codeSources)).toEqual(['WeihaiDeadLetters: portal_messaging_dead_lettered_total carries the service prefix (the service is a label now)', 'no alert on messaging_dead_lettered_total']);
    const renamed = mutate(production(), 'PrometheusRule', 'weihai', (o) => (o.spec.groups[0].rules[2].expr = 'messaging_outbox_backlog_total > 5'));
    expect(checkAlertMetrics(renamed, codeSources)).toEqual(['WeihaiOutboxBacklog: messaging_outbox_backlog_total is not a metric the code registers', 'no alert on messaging_outbox_backlog_messages']);
  });
});

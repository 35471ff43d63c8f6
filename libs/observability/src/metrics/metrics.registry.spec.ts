import { MetricsRegistry } from './metrics.registry';

describe(MetricsRegistry.name, () => {
  it('names a metric <subsystem>_<name>_<unit>, without the service in the name or a service label of its own', async () => {
    const metrics = new MetricsRegistry('admin-approval', { defaultMetrics: false });
    metrics.counter('messaging', 'messages_consumed_total', 'consumed', ['topic', 'outcome']).inc({ topic: 't', outcome: 'processed' });
    metrics.gauge('messaging', 'outbox_backlog_messages', 'backlog', []).set(3);
    const text = await metrics.metrics();
    expect(text).toContain('messaging_messages_consumed_total{topic="t",outcome="processed"} 1');
    expect(text).toContain('messaging_outbox_backlog_messages 3');
    // Prometheus adds `service` from the scrape target; the service itself says nothing of it.
    expect(text).not.toMatch(/admin_approval_|service="/);
    expect(metrics.service).toBe('admin-approval');
  });

  it('gives the process and Node.js defaults their standard names, the same in every service', async () => {
    const text = await new MetricsRegistry('hr-social-security').metrics();
    const names = [...text.matchAll(/^# TYPE (\w+) /gm)].map(([, name]) => name);
    expect(names).toEqual(expect.arrayContaining(['process_resident_memory_bytes', 'process_cpu_seconds_total', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_p99_seconds']));
    expect(names.filter((name) => name.startsWith('hr_social_security'))).toEqual([]);
    expect(text).not.toContain('service="');
  });

  it('returns the same metric when it is declared twice', () => {
    const metrics = new MetricsRegistry('portal', { defaultMetrics: false });
    const a = metrics.counter('http', 'requests_total', 'requests', ['route']);
    const b = metrics.counter('http', 'requests_total', 'requests', ['route']);
    expect(a).toBe(b);
  });

  it('keeps two services in one process apart: each registry has only its own series', async () => {
    const portal = new MetricsRegistry('portal', { defaultMetrics: false });
    const sharing = new MetricsRegistry('data-sharing', { defaultMetrics: false });
    portal.counter('messaging', 'dead_lettered_total', 'dead letters', ['topic']).inc({ topic: 'a' });
    sharing.counter('messaging', 'dead_lettered_total', 'dead letters', ['topic']).inc({ topic: 'b' }, 2);
    expect(await portal.metrics()).toContain('messaging_dead_lettered_total{topic="a"} 1');
    expect(await portal.metrics()).not.toContain('topic="b"');
    expect(await sharing.metrics()).toContain('messaging_dead_lettered_total{topic="b"} 2');
  });
});

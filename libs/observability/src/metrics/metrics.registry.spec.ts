import { MetricsRegistry } from './metrics.registry';

describe(MetricsRegistry.name, () => {
  it('prefixes metric names with the service and labels every series with it', async () => {
    const metrics = new MetricsRegistry('admin-approval', { defaultMetrics: false });
    metrics.counter('messaging', 'messages_consumed_total', 'consumed', ['topic', 'outcome']).inc({ topic: 't', outcome: 'processed' });
    const text = await metrics.metrics();
    expect(text).toContain('admin_approval_messaging_messages_consumed_total{topic="t",outcome="processed",service="admin-approval"} 1');
  });

  it('returns the same metric when it is declared twice', () => {
    const metrics = new MetricsRegistry('portal', { defaultMetrics: false });
    const a = metrics.counter('http', 'requests_total', 'requests', ['route']);
    const b = metrics.counter('http', 'requests_total', 'requests', ['route']);
    expect(a).toBe(b);
  });
});

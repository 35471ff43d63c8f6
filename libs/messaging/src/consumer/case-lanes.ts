/**
 * Splits one partition's batch into lanes by message key (case id), keeping each lane in offset
 * order. Lanes run concurrently; messages within a lane run one after another.
 */
export function splitIntoLanes<M extends { key: Buffer | string | null; offset: string }>(messages: readonly M[]): M[][] {
  const lanes = new Map<string, M[]>();
  for (const message of messages) {
    const key = message.key === null ? '' : message.key.toString();
    const lane = lanes.get(key);
    if (lane) lane.push(message);
    else lanes.set(key, [message]);
  }
  return [...lanes.values()];
}

/**
 * The lanes of a batch in at most `groups` groups, run concurrently, balanced by their messages; each
 * group's lanes in key order (so transactions that hold several cases' locks take them in one order)
 * and cut into chunks of at most `perChunk` messages, a lane never cut (one longer lane is a chunk alone).
 */
export function groupLanes<M extends { key: Buffer | string | null }>(lanes: readonly M[][], groups: number, perChunk: number): M[][][][] {
  const keyOf = (lane: M[]) => (lane[0].key === null ? '' : lane[0].key.toString());
  const buckets = Array.from({ length: Math.max(1, Math.min(groups, lanes.length)) }, () => ({ lanes: [] as M[][], size: 0 }));
  for (const lane of [...lanes].sort((a, b) => b.length - a.length)) {
    const lightest = buckets.reduce((least, bucket) => (bucket.size < least.size ? bucket : least));
    lightest.lanes.push(lane);
    lightest.size += lane.length;
  }
  return buckets
    .filter((bucket) => bucket.lanes.length > 0)
    .map((bucket) => {
      const chunks: M[][][] = [];
      let current: M[][] = [];
      let size = 0;
      for (const lane of bucket.lanes.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))) {
        if (current.length > 0 && size + lane.length > perChunk) {
          chunks.push(current);
          current = [];
          size = 0;
        }
        current.push(lane);
        size += lane.length;
      }
      if (current.length > 0) chunks.push(current);
      return chunks;
    });
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the items' order. */
export async function mapWithConcurrency<I, R>(items: readonly I[], limit: number, work: (item: I) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The offset to commit after a batch: everything before the earliest message still to retry, or the whole batch. */
export function committableOffset(firstOffset: string, lastOffset: string, earliestBlocked: string | undefined): string | undefined {
  if (earliestBlocked === undefined) return lastOffset;
  const blocked = BigInt(earliestBlocked);
  return blocked > BigInt(firstOffset) ? (blocked - 1n).toString() : undefined;
}

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

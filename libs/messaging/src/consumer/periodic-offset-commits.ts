/** The next offset to read of a partition, as Kafka's OffsetCommit takes it. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * The offsets of handled messages, committed together every `intervalMs` (one OffsetCommit for every
 * partition the member reads) rather than after each batch, which costs the broker a write to
 * `__consumer_offsets` and both ends a round trip per batch. What was handled but not yet committed
 * when the process dies is delivered again and meets its inbox rows: the inbox, not the offset, keeps
 * an event from being applied twice.
 */
export class PeriodicOffsetCommits {
  private readonly pending = new Map<string, PartitionOffset>();
  private timer?: NodeJS.Timeout;
  private committing?: Promise<void>;

  constructor(
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** `offset` of the partition and every message before it are handled: the next to read is the one after. */
  handled(topic: string, partition: number, offset: string): void {
    this.keep({ topic, partition, offset: (BigInt(offset) + 1n).toString() });
  }

  /** After a rebalance: only the partitions this member still reads are committed by it. */
  retain(assigned: Readonly<Record<string, readonly number[]>>): void {
    for (const [key, { topic, partition }] of this.pending) if (!assigned[topic]?.includes(partition)) this.pending.delete(key);
  }

  /** Commits what is pending now, once (a flush already under way is waited for instead). A failed commit keeps its offsets for the next. */
  flush(): Promise<void> {
    if (this.committing) return this.committing;
    if (this.pending.size === 0) return Promise.resolve();
    const offsets = [...this.pending.values()];
    this.pending.clear();
    this.committing = this.commit(offsets)
      .catch((error: unknown) => {
        for (const offset of offsets) this.keep(offset);
        this.onFailure(error);
      })
      .finally(() => {
        this.committing = undefined;
      });
    return this.committing;
  }

  /** Stops the timer and commits what is pending. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.committing;
    await this.flush();
  }

  private keep(next: PartitionOffset): void {
    const key = `${next.topic}\u0000${next.partition}`;
    const held = this.pending.get(key);
    if (!held || BigInt(held.offset) < BigInt(next.offset)) this.pending.set(key, next);
  }
}

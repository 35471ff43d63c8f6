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
  /** The newest offset handled of each partition this member reads, committed or not. */
  private readonly newest = new Map<string, PartitionOffset>();
  private timer?: NodeJS.Timeout;
  private committing?: Promise<void>;

  /**
   * `answerWithinMs`: how long a commit under way holds the next ones. kafkajs retries a commit through
   * a rebalance or a lost coordinator for as long as its retry schedule and request timeout allow
   * (tens of seconds); past this, the commit counts as failed and its offsets go with the next one.
   */
  constructor(
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onFailure: (error: unknown) => void,
    private readonly answerWithinMs = Math.max(5 * intervalMs, 5_000),
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** `offset` of the partition and every message before it are handled: the next to read is the one after. */
  handled(topic: string, partition: number, offset: string): void {
    const next = { topic, partition, offset: (BigInt(offset) + 1n).toString() };
    keepNewer(this.newest, next);
    keepNewer(this.pending, next);
  }

  /** After a rebalance: only the partitions this member still reads are committed by it. */
  retain(assigned: Readonly<Record<string, readonly number[]>>): void {
    for (const held of [this.pending, this.newest]) {
      for (const [key, { topic, partition }] of held) if (!assigned[topic]?.includes(partition)) held.delete(key);
    }
  }

  /** Commits what is pending now, once (a flush already under way is waited for instead, up to `answerWithinMs`). A failed commit keeps its offsets for the next. */
  flush(): Promise<void> {
    if (this.committing) return this.committing;
    if (this.pending.size === 0) return Promise.resolve();
    const offsets = [...this.pending.values()];
    this.pending.clear();
    let givenUp = false;
    let deadline: NodeJS.Timeout | undefined;
    const attempt = this.commit(offsets);
    // An answer after the commit was given up may set the partitions back behind a later commit: the newest go again.
    const recommitNewest = () => {
      if (givenUp) for (const { topic, partition } of offsets) this.keepNewest(topic, partition);
    };
    attempt.then(recommitNewest, recommitNewest);
    const unanswered = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => {
        givenUp = true;
        reject(new Error(`the offset commit had no answer within ${this.answerWithinMs} ms`));
      }, this.answerWithinMs);
      deadline.unref();
    });
    this.committing = Promise.race([attempt, unanswered])
      .catch((error: unknown) => {
        for (const offset of offsets) keepNewer(this.pending, offset);
        this.onFailure(error);
      })
      .finally(() => {
        clearTimeout(deadline);
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

  private keepNewest(topic: string, partition: number): void {
    const newest = this.newest.get(partitionKey(topic, partition));
    if (newest) keepNewer(this.pending, newest);
  }
}

function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

function keepNewer(held: Map<string, PartitionOffset>, next: PartitionOffset): void {
  const key = partitionKey(next.topic, next.partition);
  const current = held.get(key);
  if (!current || BigInt(current.offset) < BigInt(next.offset)) held.set(key, next);
}

import type { Logger } from '@nestjs/common';

/**
 * The loop behind every periodic scan (overdue items, permit reminders, notification delivery, the
 * access log's head and check): runs the task at once — a restart catches up without waiting a whole
 * interval — and then every `intervalMs`, never two runs at a time; a failed run is logged and the
 * next one tries again. `stop()` waits for a run in progress.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Immediate;
  private running?: Promise<unknown>;

  constructor(
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const run = () => {
      this.running ??= this.task()
        .catch((error: unknown) => this.logger.error(`${this.what} failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (this.running = undefined));
    };
    this.first = setImmediate(run);
    this.timer = setInterval(run, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearImmediate(this.first);
    clearInterval(this.timer);
    await this.running;
  }
}

/**
 * Works off a backlog one `step` at a time (each returns whether it found work) for at most `budgetMs`,
 * letting the event loop go between steps: CPU work in a process that also consumes the bus (rendering
 * documents, say) then takes about a third of a core at a 1 s interval without holding up the consumers.
 * Returns how many steps found work.
 */
export async function workWithinBudget(budgetMs: number, step: () => Promise<boolean>): Promise<number> {
  let handled = 0;
  const started = Date.now();
  while (Date.now() - started < budgetMs && (await step())) {
    handled += 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return handled;
}

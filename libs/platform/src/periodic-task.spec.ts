import type { Logger } from '@nestjs/common';
import { PeriodicTask, workWithinBudget } from './periodic-task';

const quietLogger = () => ({ error: jest.fn() }) as unknown as Logger & { error: jest.Mock };

/** A task that stays running until `finish()` is called. */
function controllableTask() {
  const state = { started: 0, finished: 0, running: 0, overlapped: false, release: [] as (() => void)[] };
  const run = () => {
    state.started += 1;
    state.running += 1;
    state.overlapped ||= state.running > 1;
    return new Promise<void>((resolve) =>
      state.release.push(() => {
        state.running -= 1;
        state.finished += 1;
        resolve();
      }),
    );
  };
  const finish = () => state.release.shift()?.();
  return { state, run, finish };
}

describe(PeriodicTask.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at once, then once every interval', async () => {
    let runs = 0;
    const task = new PeriodicTask('test', 1_000, async () => void (runs += 1), quietLogger());
    task.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(4);
    await task.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(4);
  });

  it('never starts a run while one is in progress, and stop waits for it', async () => {
    const { state, run, finish } = controllableTask();
    const task = new PeriodicTask('slow', 1_000, run, quietLogger());
    task.start();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(state.started).toBe(1);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(state).toMatchObject({ started: 1, finished: 1, overlapped: false });
  });

  it('logs a failed run and tries again on the next', async () => {
    const logger = quietLogger();
    let runs = 0;
    const task = new PeriodicTask('flaky scan', 1_000, async () => {
      runs += 1;
      if (runs === 1) throw new Error('database away');
    }, logger);
    task.start();
    await jest.advanceTimersByTimeAsync(1_000);
    await task.stop();
    expect(logger.error).toHaveBeenCalledWith('flaky scan failed: database away');
    expect(runs).toBe(2);
  });
});

describe(workWithinBudget.name, () => {
  it('works until a step finds nothing, counting the steps that found work', async () => {
    let left = 3;
    expect(await workWithinBudget(1_000, async () => left-- > 0)).toBe(3);
  });

  it('stops once the budget is spent, however much work is left', async () => {
    let now = 1_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      // Each step takes 100 ms of the 300 ms budget.
      const handled = await workWithinBudget(300, async () => {
        now += 100;
        return true;
      });
      expect(handled).toBe(3);
    } finally {
      clock.mockRestore();
    }
  });
});

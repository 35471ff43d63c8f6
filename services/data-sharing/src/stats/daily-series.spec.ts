import { dailySeriesOf, dailySeriesOfCounts, dayWindow } from './daily-series';
import { aCase, anItem, at } from './stats.fixtures';

const zero = (day: string) => ({ day, submitted: { online: 0, offline: 0 }, completed: 0, withdrawn: 0 });

describe(dayWindow.name, () => {
  it('ends on the given day and counts it', () => {
    expect(dayWindow('2026-03-01', 3)).toEqual({ from: '2026-02-27', to: '2026-03-01' });
    expect(dayWindow('2026-03-01', 1)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });
});

describe(dailySeriesOf.name, () => {
  it('has every day of the window, zeros included, oldest first', () => {
    expect(dailySeriesOf([], [], { from: '2026-02-28', to: '2026-03-02' })).toEqual([zero('2026-02-28'), zero('2026-03-01'), zero('2026-03-02')]);
  });

  it('counts submissions by channel on their day in China', () => {
    const cases = [aCase('c1', {}), aCase('c2', { channel: 'offline', submittedAt: at(15.5) }), aCase('c3', { submittedAt: at(16) })];
    expect(dailySeriesOf(cases, [], { from: '2026-03-02', to: '2026-03-03' })).toEqual([
      { ...zero('2026-03-02'), submitted: { online: 1, offline: 1 } },
      { ...zero('2026-03-03'), submitted: { online: 1, offline: 0 } },
    ]);
  });

  it('counts a completed case on the day its last chosen item ended, steps not counting', () => {
    const cases = [aCase('c1', { status: 'completed' })];
    const items = [
      anItem('c1', { outcome: 'granted', outcomeAt: at(4) }),
      anItem('c1', { item: 'RESIDENCE_PERMIT', outcome: 'rejected', outcomeAt: at(20) }),
      anItem('c1', { item: 'TALENT_CATEGORY', chosen: false, outcome: 'granted', outcomeAt: at(60) }),
    ];
    const series = dailySeriesOf(cases, items, { from: '2026-03-02', to: '2026-03-05' });
    expect(series.map((d) => [d.day, d.completed])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-03', 1],
      ['2026-03-04', 0],
      ['2026-03-05', 0],
    ]);
  });

  it('counts a withdrawn case on the day it was withdrawn, or when its last item ended withdrawn', () => {
    const cases = [aCase('c1', { status: 'withdrawn', withdrawnAt: at(17) }), aCase('c2', { status: 'withdrawn' })];
    const items = [anItem('c1', { outcome: 'withdrawn', outcomeAt: at(17) }), anItem('c2', { outcome: 'withdrawn', outcomeAt: at(2) })];
    expect(dailySeriesOf(cases, items, { from: '2026-03-02', to: '2026-03-03' }).map((d) => [d.day, d.withdrawn])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-03', 1],
    ]);
  });

  it('leaves out what falls outside the window and cases whose submission was not seen', () => {
    const cases = [aCase('c1', { status: 'completed' }), aCase('c2', { submittedAt: null, channel: null })];
    const items = [anItem('c1', { outcome: 'granted', outcomeAt: at(100) })];
    expect(dailySeriesOf(cases, items, { from: '2026-03-03', to: '2026-03-04' })).toEqual([zero('2026-03-03'), zero('2026-03-04')]);
  });
});

describe(dailySeriesOfCounts.name, () => {
  it('puts the counts on their days, every day of the window present, days outside it ignored', () => {
    const rows = [
      { kind: 'submitted' as const, channel: 'online' as const, day: '2026-03-02', count: 3 },
      { kind: 'submitted' as const, channel: 'offline' as const, day: '2026-03-02', count: 1 },
      { kind: 'completed' as const, channel: null, day: '2026-03-03', count: 2 },
      { kind: 'withdrawn' as const, channel: null, day: '2026-03-03', count: 1 },
      { kind: 'completed' as const, channel: null, day: '2026-03-09', count: 7 },
    ];
    expect(dailySeriesOfCounts(rows, { from: '2026-03-01', to: '2026-03-03' })).toEqual([
      zero('2026-03-01'),
      { day: '2026-03-02', submitted: { online: 3, offline: 1 }, completed: 0, withdrawn: 0 },
      { day: '2026-03-03', submitted: { online: 0, offline: 0 }, completed: 2, withdrawn: 1 },
    ]);
  });
});

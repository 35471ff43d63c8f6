import type { ForecastView } from '../../api/types';

/** One item's bar on the forecast timeline: where its earliest–latest window sits, in % of the case's span. */
export interface ForecastRow {
  code: string;
  name: string;
  state: 'forecast' | 'decided' | 'ended';
  earliest: string | null;
  expected: string | null;
  latest: string | null;
  onCriticalPath: boolean;
  /** Left edge and width of the window, and where the expected day sits, in % of the timeline (no bar for an item that will not be decided). */
  bar?: { startPct: number; widthPct: number; expectedPct: number };
  /** What the expected day rests on (`observed`, `statutory_limit`, `time_limit`, `decided`), and in words. */
  basis?: { expected: string; text: string };
  explanation: string;
  /** Why the dates moved (a supplement request, a prerequisite decided or held up, …). */
  shifts: string[];
}

export interface ForecastTimelineModel {
  /** The timeline runs from the day of submission to the case's latest day. */
  from: string;
  to: string;
  earliest: string | null;
  expected: string | null;
  latest: string | null;
  rows: ForecastRow[];
  /** The critical path by item name, first to last. */
  criticalPath: string[];
  provisional: boolean;
  notes: string[];
}

/** A window narrower than this is still drawn, so a same-day decision shows as a mark. */
const MIN_WIDTH_PCT = 1.5;

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function pct(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The forecast as a small timeline: one row per item, in the forecast's order, its window placed on the case's span. */
export function forecastTimeline(view: ForecastView, names: Readonly<Record<string, string>> = {}): ForecastTimelineModel {
  const from = view.submittedOn;
  const to = view.latestDate ?? from;
  const span = Math.max(1, dayNumber(to) - dayNumber(from));
  const nameOf = (code: string) => names[code] ?? view.items.find((item) => item.code === code)?.name ?? code;
  const rows = view.items.map((item): ForecastRow => {
    const row: ForecastRow = {
      code: item.code,
      name: nameOf(item.code),
      state: item.state,
      earliest: item.earliestDate,
      expected: item.expectedDate,
      latest: item.latestDate,
      onCriticalPath: item.onCriticalPath,
      ...(item.basis && item.state === 'forecast' && { basis: { expected: item.basis.expected, text: item.basis.text } }),
      explanation: item.explanation,
      shifts: item.shifts.map((shift) => shift.text),
    };
    if (item.earliestDate && item.latestDate) {
      const at = (date: string) => Math.min(100, Math.max(0, ((dayNumber(date) - dayNumber(from)) / span) * 100));
      const start = at(item.earliestDate);
      const end = Math.max(start, at(item.latestDate));
      const width = Math.max(MIN_WIDTH_PCT, end - start);
      const left = Math.min(start, 100 - width);
      // The expected day within the drawn window.
      const expected = Math.min(left + width, Math.max(left, at(item.expectedDate ?? item.latestDate)));
      row.bar = { startPct: pct(left), widthPct: pct(width), expectedPct: pct(expected) };
    }
    return row;
  });
  return {
    from,
    to,
    earliest: view.earliestDate,
    expected: view.expectedDate,
    latest: view.latestDate,
    rows,
    criticalPath: view.criticalPath.map(nameOf),
    provisional: view.provisional,
    notes: view.notes.map((note) => note.text),
  };
}

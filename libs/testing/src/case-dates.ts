// Dates for the case bodies of tests, relative to today in China, so fixtures never expire: a contract
// that starts after today (one already running is flagged as possible work without a permit) and
// documents issued recently enough for every validity window (the bench uses the same recipe).

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` in China, `days` from `now` (negative: before). */
export function chinaDayFrom(days: number, now: Date = new Date()): string {
  return CHINA_DATE.format(new Date(now.getTime() + days * 86_400_000));
}

export interface CaseDates {
  /** 16 days from today. */
  contractStart: string;
  /** The day before the start's second anniversary: a two-year contract. */
  contractEnd: string;
  /** 9 days ago. */
  issuedAt: string;
}

export function caseDates(now: Date = new Date()): CaseDates {
  const contractStart = chinaDayFrom(16, now);
  const [year, month, day] = contractStart.split('-').map(Number);
  const contractEnd = new Date(Date.UTC(year + 2, month - 1, day - 1)).toISOString().slice(0, 10);
  return { contractStart, contractEnd, issuedAt: chinaDayFrom(-9, now) };
}

/** A civil date (YYYY-MM-DD) as a Chinese document writes it: 2026年12月6日. */
export function zhDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${year}年${month}月${day}日`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The same date in English: 6 December 2026. */
export function enDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The civil date `days` calendar days after `isoDate`. */
export function addCalendarDays(isoDate: string, days: number): string {
  const [year, month, day] = parts(isoDate);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function parts(isoDate: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

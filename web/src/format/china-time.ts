// Moments and dates as China counts them, for every area of the web front. China has one zone
// (UTC+8) and no daylight saving time, so a fixed offset gives its wall clock for any instant.
import type { Lang } from '../api/types';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant on China's wall clock, as an ISO string (`YYYY-MM-DDTHH:mm:ss.sssZ`, the `Z` not meaning UTC). */
function onChinaClock(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
}

/** `YYYY-MM-DD HH:mm` (or `HH:mm:ss`) in China of an ISO instant; the input itself when it is not one. */
export function chinaDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const shifted = onChinaClock(at);
  return `${shifted.slice(0, 10)} ${shifted.slice(11, withSeconds ? 19 : 16)}`;
}

/** The civil date in China of an ISO instant (`YYYY-MM-DD`). */
export function chinaDate(iso: string | null | undefined): string {
  return chinaDateTime(iso).slice(0, 10);
}

/** Today's date in China (`YYYY-MM-DD`), as the agencies count due dates. */
export function chinaToday(now: Date = new Date()): string {
  return onChinaClock(now).slice(0, 10);
}

/** A moment (ISO timestamp) in China's time, in the reader's language; the input itself when unreadable. */
export function formatMoment(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(at);
}

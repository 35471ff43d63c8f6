import { L } from '../../data/localized';
import { type Message, type MessageParam, phrase } from '../phrase';

const officerText = { code: 'officer.reason', params: { text: '护照入境章可疑 / forged entry stamp' } } satisfies Message;

/** Texts people wrote themselves, and the few phrases that only join other messages. */
export const GENERAL_MESSAGES = {
  /** An officer's (or a reporter's) own words: shown as written, in both languages. */
  'officer.reason': phrase<{ text: string }>({
    zh: ({ text }) => text,
    en: ({ text }) => text,
    example: { text: '材料与原件不符' },
  }),
  /** A text kept from before the message catalogue, or from a producer that sends no message: shown as written. */
  'text.as_written': phrase<{ text: string }>({
    zh: ({ text }) => text,
    en: ({ text }) => text,
    example: { text: '外国人来华工作许可已获批准 / The work permit was granted' },
  }),
  /** Several sentences as one text: run together in Chinese, separated by a space in English. */
  'text.sentences': phrase<{ parts: readonly MessageParam[] }>({
    zh: ({ parts }, t) => parts.map(t).join(''),
    en: ({ parts }, t) => parts.map(t).join(' '),
    example: { parts: [officerText, L('第二句。', 'A second sentence.')] },
  }),
  /** Several reasons as one text, separated by semicolons. */
  'text.list': phrase<{ parts: readonly MessageParam[] }>({
    zh: ({ parts }, t) => parts.map(t).join('；'),
    en: ({ parts }, t) => parts.map(t).join('; '),
    example: { parts: [officerText, L('第二条理由', 'a second reason')] },
  }),
};

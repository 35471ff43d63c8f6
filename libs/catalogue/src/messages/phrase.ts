/**
 * The building blocks of the message catalogue: what a parameter may be, and one entry (a phrase) with
 * its Chinese and English text as small functions of its parameters.
 */
import type { Lang, Localized } from '../model/catalogue.model';

/** A message as data: a catalogue code and its parameters, rendered in either language when read. */
export interface Message {
  readonly code: string;
  readonly params: MessageParams;
}

/**
 * A parameter: a plain value (a date, a number, a permit number, a code) written the same in both
 * languages, a `{ zh, en }` text (a name from the catalogue), a nested message, or a list of these.
 * Everything stays JSON, so a message is stored in a jsonb column and carried on the bus as it is.
 */
export type MessageParam = string | number | boolean | Localized | Message | readonly MessageParam[];

export type MessageParams = { readonly [name: string]: MessageParam | undefined };

/** Renders a parameter in the language being written: a text's own language, a nested message rendered, a list joined. */
export type Render = (value: MessageParam | undefined) => string;

/** One entry: its text in each language, and an example of its parameters (the declaration the catalogue test checks). */
export interface Phrase<P extends MessageParams = MessageParams> {
  zh(params: P, render: Render): string;
  en(params: P, render: Render): string;
  /** Every parameter the phrase declares, with a value that exercises each (optional ones included). */
  example: P;
}

export function phrase<P extends MessageParams>(definition: Phrase<P>): Phrase<P> {
  return definition;
}

/** The list separator of each language for `Render`. */
export const LIST_SEPARATOR: Record<Lang, string> = { zh: '、', en: ', ' };

export function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Localized).zh === 'string' && typeof (value as Localized).en === 'string';
}

/** A word of a closed set in each language (statuses, units, flags); an unknown value is shown as it is. */
export function word(table: Readonly<Record<string, Localized>>, value: string | undefined, lang: Lang): string {
  if (value === undefined) return '';
  return Object.hasOwn(table, value) ? table[value][lang] : value;
}

/** Sentence end: Chinese `。`, English `.`, unless the text already ends a sentence. */
export function ended(text: string, lang: Lang): string {
  if (text === '' || /[。．.!！?？]$/.test(text)) return text;
  return `${text}${lang === 'zh' ? '。' : '.'}`;
}

/** Money in yuan as each language writes it. */
export function yuan(amount: number, lang: Lang): string {
  const grouped = amount.toLocaleString('en-US');
  return lang === 'zh' ? `${grouped}元` : `${grouped} RMB`;
}

/** "1 year" / "3 years"; Chinese needs no plural. */
export function count(amount: number, singular: string, plural: string): string {
  return `${amount} ${amount === 1 ? singular : plural}`;
}

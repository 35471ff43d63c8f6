/**
 * Messages as data and their words: `message(code, params)` makes one (checked against the
 * catalogue's declared parameters by the compiler), `render` and `localize` put it into Chinese
 * and English. Chinese is the platform's first language; English is always there beside it.
 */
import type { Lang, Localized } from '../model/catalogue.model';
import { type MessageCode, type ParamsOf, PHRASES } from './message-catalogue';
import { isLocalized, LIST_SEPARATOR, type Message, type MessageParam, type MessageParams, type Render } from './phrase';

type ParamsArgument<C extends MessageCode> = Record<string, never> extends ParamsOf<C> ? [params?: ParamsOf<C>] : [params: ParamsOf<C>];

/** A message of the catalogue, as data (JSON: it is stored and carried on the bus as it is). */
export function message<C extends MessageCode>(code: C, ...[params]: ParamsArgument<C>): Message {
  return { code, params: withoutUndefined((params ?? {}) as MessageParams) };
}

/** An officer's (or a reporter's) own words: shown as written in both languages. */
export function officerReason(text: string): Message {
  return message('officer.reason', { text });
}

/** A text from before the catalogue or from a producer that sends no message: shown as written. */
export function asWritten(text: string): Message {
  return message('text.as_written', { text });
}

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as { code?: unknown; params?: unknown };
  return typeof candidate.code === 'string' && typeof candidate.params === 'object' && candidate.params !== null && !Array.isArray(candidate.params);
}

/** True for a message whose code this build of the catalogue knows. */
export function isKnownMessage(value: unknown): value is Message {
  return isMessage(value) && Object.hasOwn(PHRASES, value.code);
}

/**
 * The message a reader shows: the structured one when this build knows its code, else the plain text
 * as written (an older row, an older or newer producer), else none.
 */
export function messageOrWritten(structured: unknown, text: string | null | undefined): Message | undefined {
  if (isKnownMessage(structured)) return structured;
  return text ? asWritten(text) : undefined;
}

export function render(value: Message, lang: Lang): string {
  const phrase = Object.hasOwn(PHRASES, value.code) ? PHRASES[value.code] : undefined;
  if (!phrase) return writtenOf(value);
  const t: Render = (param) => renderParam(param, lang);
  try {
    return phrase[lang](value.params, t);
  } catch {
    // Parameters a reader cannot put into words (data of another build): shown by what they say as written.
    return writtenOf(value);
  }
}

function writtenOf(value: Message): string {
  return typeof value.params?.text === 'string' ? value.params.text : value.code;
}

export function localize(value: Message): Localized {
  return { zh: render(value, 'zh'), en: render(value, 'en') };
}

/** The one string older readers of an event or a row expect: Chinese, then English (once when they read the same). */
export function onTheWire(value: Message): string {
  const { zh, en } = localize(value);
  return zh === en ? zh : `${zh} / ${en}`;
}

function renderParam(value: MessageParam | undefined, lang: Lang): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return (value as readonly MessageParam[]).map((part) => renderParam(part, lang)).join(LIST_SEPARATOR[lang]);
  if (isMessage(value)) return render(value, lang);
  if (isLocalized(value)) return value[lang];
  return '';
}

function withoutUndefined(params: MessageParams): MessageParams {
  const clean: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) clean[name] = value;
  return clean;
}

/** A message as the events carry it (proto `Reason`): its code and its parameters as JSON. */
export interface WireReason {
  code: string;
  paramsJson: string;
}

export function toWire(value: Message): WireReason {
  return { code: value.code, paramsJson: JSON.stringify(value.params) };
}

/**
 * The message an event carried: its structured reason when present and readable, else its plain
 * reason text as written (an event from before the catalogue), else none.
 */
export function fromWire(reason: WireReason | undefined, text: string | null | undefined): Message | undefined {
  if (reason?.code) {
    try {
      const params = JSON.parse(reason.paramsJson || '{}') as unknown;
      const candidate = { code: reason.code, params };
      if (isKnownMessage(candidate)) return candidate;
    } catch {
      // Unreadable parameters: the plain text below says the same.
    }
  }
  return text ? asWritten(text) : undefined;
}

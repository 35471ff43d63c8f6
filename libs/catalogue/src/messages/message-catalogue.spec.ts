import { SERVICE_NAME } from '../data/service-name';
import { asWritten, isKnownMessage, localize, message, messageOrWritten, officerReason, onTheWire, render } from './message';
import { MESSAGES } from './message-catalogue';
import type { MessageParams, Phrase } from './phrase';

const CJK = /[\u3400-\u9fff]/;
// Texts people wrote, shown as written: their English is their Chinese.
const AS_WRITTEN = new Set(['officer.reason', 'text.as_written']);
const phrases = Object.entries(MESSAGES as unknown as Record<string, Phrase>);

/** The parameters a language's text reads, by a proxy over the phrase's example. */
function paramsRead(phrase: Phrase, lang: 'zh' | 'en'): { text: string; read: Set<string> } {
  const read = new Set<string>();
  const params = new Proxy(phrase.example, {
    get(target, name, receiver) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name, receiver) as unknown;
    },
  }) as MessageParams;
  const text = render({ code: codeOf(phrase), params }, lang);
  return { text, read };
}

function codeOf(phrase: Phrase): string {
  return phrases.find(([, candidate]) => candidate === phrase)?.[0] ?? '';
}

describe('the message catalogue', () => {
  it.each(phrases)('%s has its text in Chinese and in English', (code, phrase) => {
    const { zh, en } = localize({ code, params: phrase.example });
    expect(zh.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(zh).toMatch(CJK);
    if (!AS_WRITTEN.has(code)) {
      expect(en).toMatch(/[A-Za-z]{2}/);
      expect(en).not.toBe(zh);
    }
    for (const text of [zh, en]) expect(text).not.toMatch(/undefined|NaN|\[object /);
  });

  it.each(phrases)('%s uses exactly the parameters it declares, in both languages', (_code, phrase) => {
    const declared = Object.keys(phrase.example).sort();
    for (const lang of ['zh', 'en'] as const) {
      const { read } = paramsRead(phrase, lang);
      expect({ lang, read: [...read].sort() }).toEqual({ lang, read: declared });
    }
  });
});

describe(message.name, () => {
  it('is data: a code and its parameters, without the ones left out', () => {
    const made = message('review.terminated', { item: 'WORK_PERMIT', status: 'rejected', reason: undefined });
    expect(made).toEqual({ code: 'review.terminated', params: { item: 'WORK_PERMIT', status: 'rejected' } });
    expect(JSON.parse(JSON.stringify(made))).toEqual(made);
  });

  it('renders nested messages and catalogue names in each language', () => {
    const made = message('review.terminated', { item: 'WORK_PERMIT', status: 'rejected', reason: officerReason('合同期限不足') });
    expect(localize(made)).toEqual({ zh: '前置事项外国人来华工作许可未予批准：合同期限不足', en: 'Work permit for foreigners working in China was rejected: 合同期限不足' });
  });

  it('shows an officer’s words as written in both languages', () => {
    expect(localize(officerReason('forged entry stamp'))).toEqual({ zh: 'forged entry stamp', en: 'forged entry stamp' });
  });
});

describe(render.name, () => {
  it('shows an unknown code’s text as written, or the code', () => {
    expect(render({ code: 'future.code', params: { text: '说明' } }, 'en')).toBe('说明');
    expect(render({ code: 'future.code', params: {} }, 'zh')).toBe('future.code');
    expect(isKnownMessage({ code: 'future.code', params: {} })).toBe(false);
  });
});

describe(onTheWire.name, () => {
  it('writes Chinese, then English, for readers of the plain reason; once when they are the same', () => {
    expect(onTheWire(message('review.not_assessed'))).toBe('尚未审查 / not assessed yet');
    expect(onTheWire(officerReason('材料不全'))).toBe('材料不全');
  });
});

describe(messageOrWritten.name, () => {
  it('prefers the structured message and falls back to the plain text as written', () => {
    const structured = message('review.not_assessed');
    expect(messageOrWritten(structured, 'x')).toEqual(structured);
    expect(messageOrWritten({ code: 'unknown', params: {} }, '旧理由')).toEqual(asWritten('旧理由'));
    expect(messageOrWritten(undefined, '')).toBeUndefined();
  });
});

describe('SERVICE_NAME', () => {
  it('is the notice’s name of the one thing', () => {
    expect(SERVICE_NAME.zh).toBe('外国人来华工作“一件事”');
  });
});

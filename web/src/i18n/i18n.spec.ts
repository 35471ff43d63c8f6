import { initialLanguage, langOf, pick } from './i18n';

describe('initialLanguage', () => {
  it('keeps the language remembered on this device', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage('zh', ['en-GB'])).toBe('zh');
  });
  it('otherwise follows the browser, and defaults to Chinese', () => {
    expect(initialLanguage(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(initialLanguage(null, ['de-DE', 'zh-TW'])).toBe('zh');
    expect(initialLanguage(null, ['de-DE'])).toBe('zh');
    expect(initialLanguage('fr', [])).toBe('zh');
  });
});

describe('pick', () => {
  it('takes the text in the reader language', () => {
    expect(pick({ zh: '护照', en: 'Passport' }, 'en')).toBe('Passport');
    expect(pick({ zh: '护照', en: 'Passport' }, 'zh')).toBe('护照');
    expect(pick(undefined, 'zh')).toBe('');
  });
});

describe('langOf', () => {
  it('reads i18next’s language as zh or en, Chinese unless English', () => {
    expect(langOf('en')).toBe('en');
    expect(langOf('en-GB')).toBe('en');
    expect(langOf('zh')).toBe('zh');
    expect(langOf(undefined)).toBe('zh');
  });
});

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../api/http';
import type { Lang, Text } from '../api/types';
import { resources } from './resources';

const STORAGE_KEY = 'wiw.lang';

/** The language remembered on this device, else the browser's, else Chinese. */
export function initialLanguage(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  const first = browser.find((tag) => /^(zh|en)\b/i.test(tag));
  return first?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function setupI18n(): typeof i18next {
  const lang = initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]);
  void i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  setRequestLanguage(lang);
  i18next.on('languageChanged', (next) => {
    localStorage.setItem(STORAGE_KEY, next);
    setRequestLanguage(langOf(next));
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  });
  return i18next;
}

/** The reader's language (i18next's, e.g. `en` or `en-GB`) as the API spells it: English, else Chinese. */
export function langOf(language: string | undefined): Lang {
  return language?.startsWith('en') ? 'en' : 'zh';
}

/** A bilingual text from the API in the reader's language. */
export function pick(text: Text | undefined, lang: string): string {
  if (!text) return '';
  return lang === 'en' ? text.en : text.zh;
}

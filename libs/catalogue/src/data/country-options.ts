import { isISO31661Alpha3 } from 'class-validator';
import * as countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import type { FieldOption } from '../model/catalogue.model';

countries.registerLocale(en);
countries.registerLocale(zh);

/**
 * Nationalities a foreigner's application may name: every ISO 3166-1 alpha-3 code (as class-validator
 * knows them) with zh/en names, except those given in `excluded`.
 */
export function countryOptions(excluded: readonly string[]): FieldOption[] {
  return Object.keys(countries.getAlpha3Codes())
    .filter((code) => isISO31661Alpha3(code) && !excluded.includes(code))
    .sort()
    .map((code) => ({ value: code, label: { zh: countries.getName(code, 'zh') ?? code, en: countries.getName(code, 'en') ?? code } }));
}

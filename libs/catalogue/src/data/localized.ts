import type { Localized } from '../model/catalogue.model';

/** A text in both languages of the platform. */
export const L = (zh: string, en: string): Localized => ({ zh, en });

import { createHmac } from 'node:crypto';

/** The key local runs and tests derive applicant ids with; production takes APPLICANT_ID_KEY. */
export const LOCAL_DEVELOPMENT_APPLICANT_ID_KEY = 'weihai-local-applicant-id-key';

/**
 * The stable id of a person in the shared applicant record: a keyed hash (HMAC-SHA256) of nationality
 * and passport number, so every service holding the key computes the same id, and nobody without the
 * key can compute it from a passport number or read one out of it (a plain hash of a passport
 * number is found by trying them all).
 */
export function applicantIdOf(key: string, nationality: string, passportNo: string): string {
  const digest = createHmac('sha256', key)
    .update(`${nationality.trim().toUpperCase()}:${passportNo.replace(/\s+/g, '').toUpperCase()}`)
    .digest('hex');
  return `ap_${digest.slice(0, 32)}`;
}

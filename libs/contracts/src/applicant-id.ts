import { createHash } from 'node:crypto';

/**
 * The stable id of a person in the shared applicant record: derived from nationality and passport
 * number, so every service computes the same id, and the id itself reveals neither.
 */
export function applicantIdOf(nationality: string, passportNo: string): string {
  const digest = createHash('sha256').update(`${nationality.trim().toUpperCase()}:${passportNo.trim().toUpperCase()}`).digest('hex');
  return `ap_${digest.slice(0, 32)}`;
}

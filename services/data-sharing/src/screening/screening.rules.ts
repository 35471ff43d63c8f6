/** A passport number as printed, compared without spaces or case. */
export function normalisePassportNo(passportNo: string): string {
  return passportNo.replace(/\s+/g, '').toUpperCase();
}

export interface ListedPerson {
  id: string;
  passportNo: string;
  nationality: string;
  reason: string;
}

export type ScreeningOutcome = { outcome: 'clear' } | { outcome: 'listed'; matches: ListedPerson[] };

/** Exact screening: the same passport number of the same nationality. */
export function screenApplicant(applicant: { passportNo: string; nationality: string }, entries: readonly ListedPerson[]): ScreeningOutcome {
  const passportNo = normalisePassportNo(applicant.passportNo);
  const nationality = applicant.nationality.toUpperCase();
  const matches = entries.filter((entry) => normalisePassportNo(entry.passportNo) === passportNo && entry.nationality.toUpperCase() === nationality);
  return matches.length === 0 ? { outcome: 'clear' } : { outcome: 'listed', matches };
}

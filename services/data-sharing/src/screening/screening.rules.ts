import { distance } from 'fastest-levenshtein';

/** A passport number as printed, compared without spaces or case. */
export function normalisePassportNo(passportNo: string): string {
  return passportNo.replace(/\s+/g, '').toUpperCase();
}

/** A name compared without accents, case, punctuation or the order of its parts ("María-José GARCÍA" = "GARCIA MARIA JOSE"). */
export function normaliseName(...parts: (string | null | undefined)[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

export interface ListedPerson {
  id: string;
  passportNo: string;
  nationality: string;
  surname?: string | null;
  givenNames?: string | null;
  birthDate?: string | null;
  reason: string;
}

export interface ScreenedApplicant {
  passportNo: string;
  nationality: string;
  surname: string;
  givenNames: string;
  birthDate: string;
}

export type ScreeningOutcome =
  | { outcome: 'clear' }
  /** The same passport number of the same nationality: a joint review. */
  | { outcome: 'listed'; matches: ListedPerson[] }
  /** The same birth date and a name within `maxNameDistance` edits: a person checks. */
  | { outcome: 'possible'; matches: ListedPerson[] };

/**
 * Screens an applicant against the list: an exact passport-and-nationality match is a hit; otherwise
 * an entry with the same birth date and a name within `maxNameDistance` edits (transliterations,
 * typos, a new passport) is a possible match for a person to check.
 */
export function screenApplicant(applicant: ScreenedApplicant, entries: readonly ListedPerson[], { maxNameDistance }: { maxNameDistance: number }): ScreeningOutcome {
  const passportNo = normalisePassportNo(applicant.passportNo);
  const nationality = applicant.nationality.toUpperCase();
  const exact = entries.filter((entry) => normalisePassportNo(entry.passportNo) === passportNo && entry.nationality.toUpperCase() === nationality);
  if (exact.length > 0) return { outcome: 'listed', matches: exact };
  const name = normaliseName(applicant.surname, applicant.givenNames);
  const near = entries.filter(
    (entry) => entry.birthDate === applicant.birthDate && (entry.surname || entry.givenNames) && distance(normaliseName(entry.surname, entry.givenNames), name) <= maxNameDistance,
  );
  return near.length > 0 ? { outcome: 'possible', matches: near } : { outcome: 'clear' };
}

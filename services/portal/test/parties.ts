import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import { usccCheckCharacter } from '@work-permit/catalogue';
import { applicantIdOf, LOCAL_DEVELOPMENT_APPLICANT_ID_KEY } from '@work-permit/contracts';
import { randomInt, randomUUID } from 'node:crypto';

/** A person as the identity provider verifies them. */
export interface Person {
  passportNo: string;
  nationality: string;
}

const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const pick = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

/** Somebody nobody else in the test run is. */
export function newPerson(nationality = 'DEU'): Person {
  return { passportNo: `P${pick(ALPHANUMERIC, 8)}`, nationality };
}

/** A credit code with a valid check character that no other test uses. */
export function newUscc(): string {
  const first17 = `913710${pick('0123456789', 2)}${pick(USCC_ALPHABET, 9)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

export function applicantIdOfPerson(person: Person): string {
  return applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, person.nationality, person.passportNo);
}

/** An applicant's token: the identity provider vouches for `person`. */
export function applicantToken(person: Person, subject = `applicant-${randomUUID()}`): string {
  return signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role: 'applicant', ...person });
}

/** An employer's token for its credit code. */
export function employerToken(uscc: string, subject = `employer-${randomUUID()}`): string {
  return signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role: 'employer', uscc });
}

/** A token of a role that carries no identity of its own: clerk, officer, analyst, admin. */
export function staffToken(role: Exclude<Role, 'applicant' | 'employer'>, agency?: Agency, subject = `${role}-${randomUUID()}`): string {
  return signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role, agency });
}

/** A body that passes: every field of the merged form filled with its own example. */
export function bodyFromForm(fields: { path: string; example: unknown }[], items: { code: string; action: string }[]): Record<string, unknown> {
  const body: Record<string, unknown> = { items, materials: [] };
  for (const { path, example } of fields) {
    const keys = path.split('.');
    let node = body;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]] = example;
  }
  return body;
}

/** The body for this person and this employer. */
export function bodyFor(body: Record<string, unknown>, person: Person, uscc: string): Record<string, unknown> {
  return { ...body, applicant: { ...(body.applicant as object), ...person }, employer: { ...(body.employer as object), uscc } };
}

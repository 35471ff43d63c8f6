import type { CaseFile } from '../cases/case-file.entity';
import { type Caller, ownCasesKey } from '../cases/case-parties';
import type { RecipientRole } from './notification.entity';

/** Someone a case's notifications go to. */
export interface Recipient {
  /** Whose inbox: a party's, by verified identity (`inboxKeyOf`). */
  key: string;
  role: RecipientRole;
  /** The applicant's email from the form; the employer's contact has no email field, so employers read the inbox only. */
  email: string | null;
}

/**
 * The case's parties, whoever filed it: its applicant (inbox keyed by applicant id, so the person an
 * employer or clerk filed for reads it once they sign in as themselves; email when the form gives
 * one) and the employer its form names (inbox keyed by credit code).
 */
export function recipientsOf(file: Pick<CaseFile, 'applicantId' | 'employerUscc' | 'body'>): Recipient[] {
  const recipients: Recipient[] = [{ key: applicantInbox(file.applicantId), role: 'applicant', email: applicantEmail(file.body) }];
  if (file.employerUscc) recipients.push({ key: employerInbox(file.employerUscc), role: 'employer', email: null });
  return recipients;
}

/** The inbox a caller reads: an applicant's by verified identity, an employer's by credit code; none for other roles. */
export function inboxOf(caller: Caller): { key: string; role: RecipientRole } | undefined {
  const own = ownCasesKey(caller);
  if (!own) return undefined;
  return 'applicantId' in own ? { key: applicantInbox(own.applicantId), role: 'applicant' } : { key: employerInbox(own.employerUscc), role: 'employer' };
}

function applicantInbox(applicantId: string): string {
  return `applicant:${applicantId}`;
}

function employerInbox(uscc: string): string {
  return `employer:${uscc}`;
}

function applicantEmail(body: Record<string, unknown>): string | null {
  const applicant = body.applicant;
  if (typeof applicant !== 'object' || applicant === null) return null;
  const email = (applicant as Record<string, unknown>).email;
  return typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

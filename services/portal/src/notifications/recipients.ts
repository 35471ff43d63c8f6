import type { CaseFile } from '../cases/case-file.entity';
import type { RecipientRole } from './notification.entity';

/** Someone a case's notifications go to. */
export interface Recipient {
  /** Whose inbox: the token subject, or a key no token has when the applicant has no portal account. */
  key: string;
  role: RecipientRole;
  /** The applicant's email from the form; the employer's contact has no email field, so employers read the inbox only. */
  email: string | null;
}

/**
 * The case's applicant and its employer, whichever the case has. An applicant whose case was filed by
 * the employer or at the window has no portal account, but is still told by email when the form
 * gives one.
 */
export function recipientsOf(file: Pick<CaseFile, 'caseId' | 'applicantSubject' | 'employerSubject' | 'body'>): Recipient[] {
  const recipients: Recipient[] = [];
  const email = applicantEmail(file.body);
  if (file.applicantSubject) recipients.push({ key: file.applicantSubject, role: 'applicant', email });
  else if (email) recipients.push({ key: `case-applicant:${file.caseId}`, role: 'applicant', email });
  if (file.employerSubject) recipients.push({ key: file.employerSubject, role: 'employer', email: null });
  return recipients;
}

function applicantEmail(body: Record<string, unknown>): string | null {
  const applicant = body.applicant;
  if (typeof applicant !== 'object' || applicant === null) return null;
  const email = (applicant as Record<string, unknown>).email;
  return typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

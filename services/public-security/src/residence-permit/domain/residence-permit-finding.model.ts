import type { Message } from '@work-permit/catalogue';

/** The rules a residence-permit application is assessed on; each finding names one. */
export type ResidencePermitRule = 'passport_valid' | 'health_certificate' | 'entry_window' | 'validity' | 'extension_window' | 'change_window';

/** One rule's verdict, with a message of the catalogue an officer or applicant reads in their language. */
export interface ResidencePermitFinding {
  rule: ResidencePermitRule;
  passed: boolean;
  message: Message;
}

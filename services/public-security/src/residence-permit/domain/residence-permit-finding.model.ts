/** The rules a residence-permit application is assessed on; each finding names one. */
export type ResidencePermitRule = 'passport_valid' | 'health_certificate' | 'entry_window' | 'validity' | 'extension_window' | 'change_window';

/** One rule's verdict, with an English message an officer or applicant can read as is. */
export interface ResidencePermitFinding {
  rule: ResidencePermitRule;
  passed: boolean;
  message: string;
}

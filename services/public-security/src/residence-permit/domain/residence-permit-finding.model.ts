/** The rules a residence-permit application is assessed on; each finding names one. */
export type ResidencePermitRule = 'passport_valid' | 'health_certificate' | 'entry_window' | 'validity' | 'extension_window' | 'change_window';

/** One rule's verdict, with a message an officer or applicant can read as is (English; newer ones Chinese first, then English). */
export interface ResidencePermitFinding {
  rule: ResidencePermitRule;
  passed: boolean;
  message: string;
}

/** A message in both languages, Chinese first, as the agencies' reasons travel until the message catalogue carries them. */
export function bothLanguages(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

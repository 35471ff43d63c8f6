import type { DocumentModel } from '../document.model';
import { decisionDocument } from '../kinds/decision';

/** A granted residence permit's decision: what the font wrappers' tests render with and without them. */
export function exampleResidenceDecision(): DocumentModel {
  return decisionDocument({
    documentNo: 'PSB-20261206-0123456789',
    issuer: { zh: '威海市公安局出入境管理支队', en: 'Weihai Public Security Bureau, Exit-Entry Administration' },
    issuedOn: '2026-12-06',
    caseId: '6f1c2d3e-4a5b-4c6d-8e7f-901234567890',
    submittedOn: '2026-11-20',
    holderName: 'SMITH John',
    passportNo: 'C01X00T47',
    item: { name: { zh: '外国人居留许可', en: 'Residence permit for foreigners' }, action: { zh: '首次申请', en: 'first application' } },
    decision: 'granted',
    remedies: { reconsiderationDays: 60, litigationMonths: 6 },
    result: { permitNo: 'RP-371000-2026-000123', validFrom: '2026-12-06', validTo: '2028-12-05' },
  });
}

/** The PDF's bytes as text without its creation date and the file identifier pdfkit derives from it, all that depends on when it was made. */
export function withoutCreationDate(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/\/ID \[<\w+> <\w+>\]/, '/ID []');
}

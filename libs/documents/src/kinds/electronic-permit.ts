import { enDate, zhDate } from '../civil-dates';
import type { Bilingual, DocumentModel } from '../document.model';
import { fields, LABELS } from './common';

export interface ElectronicPermitInput {
  documentNo: string;
  issuer: Bilingual;
  issuedOn: string;
  /** The permit's name (the catalogue's item name). */
  itemName: Bilingual;
  holder: { name: string; nationality?: string; passportNo?: string };
  employer?: string;
  position?: string;
  permitNo: string;
  validFrom: string;
  validTo: string;
  category?: string;
  /** The public verification page of this document, which the QR code opens. */
  verifyUrl: string;
}

export function electronicPermitTitle(itemName: Bilingual): Bilingual {
  return { zh: `${itemName.zh}（电子证照）`, en: `${itemName.en} (electronic licence)` };
}

/** 电子证照 of a granted permit: the holder, the permit's number and validity, and a QR code of its verification page. */
export function electronicPermit(input: ElectronicPermitInput): DocumentModel {
  return {
    documentNo: input.documentNo,
    kind: 'e_permit',
    issuer: input.issuer,
    title: electronicPermitTitle(input.itemName),
    issuedOn: input.issuedOn,
    blocks: [
      fields([
        [LABELS.holder, input.holder.name],
        [LABELS.nationality, input.holder.nationality],
        [LABELS.passportNo, input.holder.passportNo],
        [LABELS.employer, input.employer],
        [LABELS.position, input.position],
        [LABELS.category, input.category],
        [LABELS.permitNo, input.permitNo],
        [LABELS.validity, { zh: `${zhDate(input.validFrom)}至${zhDate(input.validTo)}`, en: `${enDate(input.validFrom)} to ${enDate(input.validTo)}` }],
        [LABELS.issuer, input.issuer],
      ]),
      {
        type: 'qr',
        url: input.verifyUrl,
        caption: { zh: '扫描二维码核验本证照是否有效', en: 'Scan the QR code to check whether this licence is valid' },
      },
    ],
  };
}

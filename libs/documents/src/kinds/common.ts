import type { Bilingual, DocumentBlock } from '../document.model';

/** An item as a document names it: the catalogue's item and action names. */
export interface ItemNames {
  name: Bilingual;
  action: Bilingual;
}

export const LABELS = {
  caseId: { zh: '案件编号', en: 'Case number' },
  applicant: { zh: '申请人', en: 'Applicant' },
  holder: { zh: '持证人', en: 'Holder' },
  nationality: { zh: '国籍', en: 'Nationality' },
  passportNo: { zh: '护照号码', en: 'Passport number' },
  employer: { zh: '用人单位', en: 'Employer' },
  position: { zh: '职位', en: 'Position' },
  item: { zh: '申请事项', en: 'Application' },
  submittedOn: { zh: '申请日期', en: 'Filed on' },
  permitNo: { zh: '证件编号', en: 'Permit number' },
  category: { zh: '人才类别', en: 'Talent category' },
  validity: { zh: '有效期', en: 'Valid' },
  issuer: { zh: '发证机关', en: 'Issued by' },
} satisfies Record<string, Bilingual>;

/** `外国人来华工作许可（首次申请）` / `Work permit (first application)`. */
export function itemWithAction(item: ItemNames): Bilingual {
  return { zh: `${item.name.zh}（${item.action.zh}）`, en: `${item.name.en} (${item.action.en})` };
}

/** The rows whose value is known, in order; a document shows only what its issuer holds. */
export function fields(rows: [Bilingual, Bilingual | string | undefined][]): DocumentBlock {
  return { type: 'fields', rows: rows.filter((row): row is [Bilingual, Bilingual | string] => row[1] !== undefined && row[1] !== '').map(([label, value]) => ({ label, value })) };
}

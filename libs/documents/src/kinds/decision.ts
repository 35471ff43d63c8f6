import { enDate, zhDate } from '../civil-dates';
import type { Bilingual, DocumentBlock, DocumentModel } from '../document.model';
import { fields, type ItemNames, itemWithAction, LABELS } from './common';

/** The time limits for challenging a refusal, from the catalogue's parameters. */
export interface LegalRemedies {
  /** Administrative reconsideration (行政复议), in days from receipt. */
  reconsiderationDays: number;
  /** Administrative litigation (行政诉讼), in months from receipt. */
  litigationMonths: number;
}

export interface DecisionInput {
  documentNo: string;
  issuer: Bilingual;
  /** The day of the decision in China. */
  issuedOn: string;
  caseId: string;
  submittedOn: string;
  holderName?: string;
  passportNo?: string;
  item: ItemNames;
  decision: 'granted' | 'rejected';
  /** The reasons for a refusal (or a note on a grant), in each language (an officer's words as written in both). */
  reason?: Bilingual;
  result?: { permitNo?: string; validFrom?: string; validTo?: string; category?: string };
  remedies: LegalRemedies;
}

export function decisionTitle(decision: DecisionInput['decision'], item: ItemNames): Bilingual {
  return decision === 'granted'
    ? { zh: `准予许可决定书（${item.name.zh}）`, en: `Decision to Grant: ${item.name.en}` }
    : { zh: `不予许可决定书（${item.name.zh}）`, en: `Decision to Refuse: ${item.name.en}` };
}

/** 准予许可决定书 / 不予许可决定书 of one item; a refusal gives its reasons and the ways to challenge it (art. 38). */
export function decisionDocument(input: DecisionInput): DocumentModel {
  const item = itemWithAction(input.item);
  const { result, remedies } = input;
  const validity = result?.validFrom && result.validTo ? { zh: `${zhDate(result.validFrom)}至${zhDate(result.validTo)}`, en: `${enDate(result.validFrom)} to ${enDate(result.validTo)}` } : undefined;
  const facts = fields([
    [LABELS.caseId, input.caseId],
    [LABELS.applicant, input.holderName],
    [LABELS.passportNo, input.passportNo],
    [LABELS.item, item],
    [LABELS.submittedOn, { zh: zhDate(input.submittedOn), en: enDate(input.submittedOn) }],
    [LABELS.permitNo, result?.permitNo],
    [LABELS.category, result?.category],
    [LABELS.validity, validity],
  ]);
  const granted: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: {
        zh: `你于${zhDate(input.submittedOn)}提出的${item.zh}申请，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。`,
        en: `Your application for ${item.en}, filed on ${enDate(input.submittedOn)}, has been examined and meets the statutory conditions and standards. Under Article 38(1) of the Administrative Licensing Law of the PRC, this authority grants it.`,
      },
    },
    facts,
    ...(input.reason ? [{ type: 'paragraph' as const, text: { zh: `说明：${input.reason.zh}`, en: `Note: ${input.reason.en}` } }] : []),
  ];
  const refused: DocumentBlock[] = [
    {
      type: 'paragraph',
      text: {
        zh: `你于${zhDate(input.submittedOn)}提出的${item.zh}申请，经审查，不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。`,
        en: `Your application for ${item.en}, filed on ${enDate(input.submittedOn)}, has been examined and does not meet the statutory conditions and standards. Under Article 38(2) of the Administrative Licensing Law of the PRC, this authority refuses it.`,
      },
    },
    facts,
    { type: 'paragraph', text: { zh: `理由：${input.reason?.zh ?? ''}`, en: `Reasons: ${input.reason?.en ?? ''}` } },
    {
      type: 'paragraph',
      text: {
        zh: `如不服本决定，可以自收到本决定书之日起${remedies.reconsiderationDays}日内依法申请行政复议，或者自收到本决定书之日起${remedies.litigationMonths}个月内依法向人民法院提起行政诉讼。`,
        en: `If you disagree with this decision, you may apply for administrative reconsideration within ${remedies.reconsiderationDays} days of receiving it, or bring an administrative lawsuit before a people's court within ${remedies.litigationMonths} months of receiving it.`,
      },
    },
  ];
  return {
    documentNo: input.documentNo,
    kind: 'decision',
    issuer: input.issuer,
    title: decisionTitle(input.decision, input.item),
    ...(input.holderName ? { addressee: input.holderName } : {}),
    issuedOn: input.issuedOn,
    blocks: input.decision === 'granted' ? granted : refused,
  };
}

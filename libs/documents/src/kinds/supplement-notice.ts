import { enDate, zhDate } from '../civil-dates';
import type { Bilingual, DocumentModel } from '../document.model';
import { fields, type ItemNames, itemWithAction, LABELS } from './common';

export interface SupplementNoticeInput {
  documentNo: string;
  issuer: Bilingual;
  /** The day the supplement was asked for. */
  issuedOn: string;
  caseId: string;
  submittedOn: string;
  holderName?: string;
  item: ItemNames;
  /** Each material to supply and why it is asked for. */
  materials: { name: Bilingual; why: Bilingual }[];
  /** Why documents are asked for, in each language (the reviewer's own words as written in both). */
  note?: Bilingual;
  /** The day by which to supply them, YYYY-MM-DD. */
  deadline: string;
}

export const SUPPLEMENT_NOTICE_TITLE: Bilingual = { zh: '补正告知书', en: 'Notice to Supplement Materials' };

/** 补正告知书: everything to supply, told once (Administrative Licensing Law, art. 32(1)(4)), and the deadline. */
export function supplementNotice(input: SupplementNoticeInput): DocumentModel {
  const item = itemWithAction(input.item);
  return {
    documentNo: input.documentNo,
    kind: 'supplement_notice',
    issuer: input.issuer,
    title: SUPPLEMENT_NOTICE_TITLE,
    ...(input.holderName ? { addressee: input.holderName } : {}),
    issuedOn: input.issuedOn,
    blocks: [
      {
        type: 'paragraph',
        text: {
          zh: `你于${zhDate(input.submittedOn)}提出的${item.zh}申请，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你需要补正的全部内容：`,
          en: `Your application for ${item.en}, filed on ${enDate(input.submittedOn)}, has been examined: its materials are incomplete or not in the statutory form. Under Article 32(1)(4) of the Administrative Licensing Law of the PRC, everything to be supplemented is listed below, at once:`,
        },
      },
      fields([
        [LABELS.caseId, input.caseId],
        [LABELS.item, item],
      ]),
      {
        type: 'list',
        heading: { zh: '需补正的材料及原因', en: 'Materials to supply, and why' },
        items: input.materials.map(({ name, why }) => ({ zh: `${name.zh}：${why.zh}`, en: `${name.en}: ${why.en}` })),
      },
      ...(input.note ? [{ type: 'paragraph' as const, text: { zh: `审查意见：${input.note.zh}`, en: `Reviewer's note: ${input.note.en}` } }] : []),
      {
        type: 'paragraph',
        text: {
          zh: `请于${zhDate(input.deadline)}前通过网上平台或者政务服务中心窗口提交上述材料。补正期间审批时限暂停计算，自收到补正材料之日起继续计算。`,
          en: `Please supply these materials online or at the window of the government service centre by ${enDate(input.deadline)}. The time limit is paused meanwhile and runs on from the day the materials are received.`,
        },
      },
    ],
  };
}

/** Why a material is asked for: not on file, or on file but issued too long ago. */
export function supplementReason(onFile: boolean, validityMonths: number | undefined): Bilingual {
  if (!onFile) return { zh: '未提交', en: 'not submitted' };
  if (validityMonths !== undefined) return { zh: `已超过有效期，须为${validityMonths}个月内出具`, en: `too old: it must have been issued within ${validityMonths} months` };
  return { zh: '不符合要求，须重新提交', en: 'does not meet the requirements; submit it again' };
}

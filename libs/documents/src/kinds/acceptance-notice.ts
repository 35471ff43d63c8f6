import { enDate, zhDate } from '../civil-dates';
import type { Bilingual, DocumentModel } from '../document.model';
import { fields, type ItemNames, itemWithAction, LABELS } from './common';

export interface AcceptanceNoticeInput {
  documentNo: string;
  issuer: Bilingual;
  issuedOn: string;
  caseId: string;
  submittedOn: string;
  /** Online (受理通知书) or at the window (受理回执). */
  channel: 'online' | 'offline';
  applicant: { name: string; nationality: string; passportNo: string };
  employer?: string;
  items: (ItemNames & { agency: Bilingual; timeLimit: Bilingual })[];
  materials: Bilingual[];
}

export function acceptanceNoticeTitle(channel: AcceptanceNoticeInput['channel']): Bilingual {
  return channel === 'online' ? { zh: '受理通知书', en: 'Notice of Acceptance' } : { zh: '受理回执', en: 'Acceptance Receipt' };
}

/** 受理通知书 / 受理回执: the case is accepted; which agency decides which item by when, and the materials received. */
export function acceptanceNotice(input: AcceptanceNoticeInput): DocumentModel {
  const where = input.channel === 'online' ? { zh: '通过网上平台', en: 'online' } : { zh: '在政务服务中心窗口', en: 'at the window of the government service centre' };
  return {
    documentNo: input.documentNo,
    kind: 'acceptance_notice',
    issuer: input.issuer,
    title: acceptanceNoticeTitle(input.channel),
    addressee: input.applicant.name,
    issuedOn: input.issuedOn,
    blocks: [
      {
        type: 'paragraph',
        text: {
          zh: `你（单位）于${zhDate(input.submittedOn)}${where.zh}提交的外国人来华工作"一件事"申请，经审查，符合受理条件，决定予以受理。下列事项由各承办部门并联审批，办理时限自受理之日起计算；审查中如需补正材料，将一次性告知。`,
          en: `Your application for the "one thing" of coming to work in China, filed ${where.en} on ${enDate(input.submittedOn)}, meets the conditions for acceptance and is accepted. The agencies below decide their items in parallel, with time limits running from the day of acceptance; should materials need to be supplemented, you will be told of all of them at once.`,
        },
      },
      fields([
        [LABELS.caseId, input.caseId],
        [LABELS.applicant, input.applicant.name],
        [LABELS.nationality, input.applicant.nationality],
        [LABELS.passportNo, input.applicant.passportNo],
        [LABELS.employer, input.employer],
        [LABELS.submittedOn, { zh: zhDate(input.submittedOn), en: enDate(input.submittedOn) }],
      ]),
      {
        type: 'list',
        heading: { zh: '受理事项', en: 'Items accepted' },
        items: input.items.map((item) => {
          const named = itemWithAction(item);
          return {
            zh: `${named.zh}——承办部门：${item.agency.zh}；承诺时限：${item.timeLimit.zh}`,
            en: `${named.en} — decided by ${item.agency.en}; time limit: ${item.timeLimit.en}`,
          };
        }),
      },
      { type: 'list', heading: { zh: '已收材料', en: 'Materials received' }, items: input.materials },
    ],
  };
}

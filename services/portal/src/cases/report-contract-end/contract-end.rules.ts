import { daysBetween, type IsoDate } from '@work-permit/workdays';
import { type Caller, type CaseParties, isPartyTo } from '../case-parties';

/** The permit an employment contract carries: cancelled when the employer reports the contract's end. */
export const CONTRACT_BOUND_ITEM = 'WORK_PERMIT';

/** A text in both languages; answers carry it as one string, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function inBothLanguages(text: Bilingual): string {
  return `${text.zh} / ${text.en}`;
}

/**
 * Reporting the contract's end: the case's employer (by verified credit code), or a window clerk
 * taking the employer's report in person. The applicant is not the one the law asks.
 */
export function canReportContractEnd(caller: Caller, parties: CaseParties): boolean {
  return caller.principal.role === 'clerk' || (caller.principal.role === 'employer' && isPartyTo(caller, parties));
}

export type ContractEndRefusalCode = 'permit_not_granted' | 'permit_already_cancelled' | 'contract_end_already_reported';

/** Why a report cannot be taken for the case's work permit now, or undefined when it can. */
export function contractEndRefusal(
  permit: { status: string; result: Record<string, unknown> | null } | undefined,
  alreadyReportedOn: string | undefined,
): { code: ContractEndRefusalCode; message: Bilingual } | undefined {
  if (!permit || permit.status !== 'granted') {
    return {
      code: 'permit_not_granted',
      message: { zh: '本案外国人来华工作许可尚未批准，无需报告劳动合同终止。', en: 'The work permit of this case has not been granted; there is no permit to cancel.' },
    };
  }
  if (typeof permit.result?.cancelledOn === 'string') {
    return {
      code: 'permit_already_cancelled',
      message: { zh: `本案外国人来华工作许可已于${permit.result.cancelledOn}注销。`, en: `The work permit of this case was cancelled on ${permit.result.cancelledOn}.` },
    };
  }
  if (alreadyReportedOn) {
    return {
      code: 'contract_end_already_reported',
      message: { zh: `劳动合同终止已于${alreadyReportedOn}报告，正在办理注销。`, en: `The end of the contract was reported on ${alreadyReportedOn}; the cancellation is under way.` },
    };
  }
  return undefined;
}

/** Why `endedOn` cannot be the contract's last day as reported on `today`, or undefined. */
export function endedOnProblem(endedOn: IsoDate, today: IsoDate): string | undefined {
  return endedOn > today ? `不得晚于今天（${today}） / must not be after today (${today} in China): report the end once the contract has ended` : undefined;
}

/**
 * How the report stands against the law's window: the employer reports within `windowDays` days of
 * the contract's end (day `windowDays` itself still in time); a later report is taken all the same, marked late.
 */
export function reportTiming(endedOn: IsoDate, reportedOn: IsoDate, windowDays: number): { daysAfterEnd: number; late: boolean } {
  const daysAfterEnd = Math.max(daysBetween(endedOn, reportedOn), 0);
  return { daysAfterEnd, late: daysAfterEnd > windowDays };
}

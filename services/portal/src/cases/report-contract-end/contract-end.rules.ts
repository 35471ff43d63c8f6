import { message, type Message } from '@work-permit/catalogue';
import { daysBetween, type IsoDate } from '@work-permit/workdays';
import { type Caller, type CaseParties, isPartyTo } from '../case-parties';

/** The permit an employment contract carries: cancelled when the employer reports the contract's end. */
export const CONTRACT_BOUND_ITEM = 'WORK_PERMIT';

/**
 * Reporting the contract's end: the case's employer (by verified credit code), or a window clerk
 * taking the employer's report in person. The applicant is not the one the law asks.
 */
export function canReportContractEnd(caller: Caller, parties: CaseParties): boolean {
  return caller.principal.role === 'clerk' || (caller.principal.role === 'employer' && isPartyTo(caller, parties));
}

export type ContractEndRefusalCode = 'permit_not_granted' | 'permit_already_cancelled' | 'contract_end_already_reported';

/** Why a report cannot be taken for the case's work permit now (in the catalogue's words), or undefined when it can. */
export function contractEndRefusal(
  permit: { status: string; result: Record<string, unknown> | null } | undefined,
  alreadyReportedOn: string | undefined,
): { code: ContractEndRefusalCode; reason: Message } | undefined {
  if (!permit || permit.status !== 'granted') return { code: 'permit_not_granted', reason: message('refusal.permit_not_granted') };
  if (typeof permit.result?.cancelledOn === 'string') return { code: 'permit_already_cancelled', reason: message('refusal.permit_already_cancelled', { cancelledOn: permit.result.cancelledOn }) };
  if (alreadyReportedOn) return { code: 'contract_end_already_reported', reason: message('refusal.contract_end_already_reported', { reportedOn: alreadyReportedOn }) };
  return undefined;
}

/** Why `endedOn` cannot be the contract's last day as reported on `today`, or undefined. */
export function endedOnProblem(endedOn: IsoDate, today: IsoDate): Message | undefined {
  return endedOn > today ? message('field.ended_on_after_today', { today }) : undefined;
}

/**
 * How the report stands against the law's window: the employer reports within `windowDays` days of
 * the contract's end (day `windowDays` itself still in time); a later report is taken all the same, marked late.
 */
export function reportTiming(endedOn: IsoDate, reportedOn: IsoDate, windowDays: number): { daysAfterEnd: number; late: boolean } {
  const daysAfterEnd = Math.max(daysBetween(endedOn, reportedOn), 0);
  return { daysAfterEnd, late: daysAfterEnd > windowDays };
}

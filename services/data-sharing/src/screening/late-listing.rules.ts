import { type Message, message, officerReason } from '@work-permit/catalogue';

/**
 * An entry added to the abnormal-information list after a case was filed: who it reaches, as plain
 * functions. A case still open is referred as a match at submission is; a person holding a work
 * permit still valid is referred for a joint review of the case that granted it.
 */

export type LateMatch = 'listed' | 'possible';
export type ScreeningOutcomeName = 'clear' | 'listed' | 'possible';

/** A screened case of a matched person, still in progress (from the statistics' case status). */
export interface OpenCase {
  caseId: string;
  applicantId: string;
  /** The case's screening at submission (or since). */
  screening: ScreeningOutcomeName;
  action: string;
}

/** A work permit of a matched person in the shared record. */
export interface HeldPermit {
  caseId: string;
  applicantId: string;
  status: string;
  validTo: string | null;
  cancelled: boolean;
  action: string;
  /** The screening of the case that granted it, if it had one. */
  screening: ScreeningOutcomeName | null;
}

export interface LateListingTarget {
  caseId: string;
  kind: 'open_case' | 'permit_holder';
  match: LateMatch;
  /** The screening step's action, for the referral event. */
  action: string;
  /** The case's screening before this entry: `none` when it never had one. */
  previous: ScreeningOutcomeName | 'none';
}

/** Granted, neither cancelled nor past its last valid day (China). A permit without a known end counts as current. */
export function isCurrentPermit(permit: Pick<HeldPermit, 'status' | 'validTo' | 'cancelled'>, today: string): boolean {
  return permit.status === 'granted' && !permit.cancelled && (permit.validTo === null || permit.validTo >= today);
}

/**
 * The cases an entry reaches, once each: every open case of a matched person and every case that
 * granted a current permit to one. An exact match (`listed`) outranks a near one (`possible`) for the
 * same case. A case already on its way to a joint review (screened `listed`) needs no second referral.
 */
export function lateListingTargets(
  matches: ReadonlyMap<string, LateMatch>,
  openCases: readonly OpenCase[],
  permits: readonly HeldPermit[],
  today: string,
): LateListingTarget[] {
  const targets = new Map<string, LateListingTarget>();
  const consider = (target: LateListingTarget) => {
    if (target.previous === 'listed') return;
    const known = targets.get(target.caseId);
    if (!known || (known.match === 'possible' && target.match === 'listed')) targets.set(target.caseId, known ? { ...target, kind: known.kind } : target);
  };
  for (const open of openCases) {
    const match = matches.get(open.applicantId);
    if (match) consider({ caseId: open.caseId, kind: 'open_case', match, action: open.action, previous: open.screening });
  }
  for (const permit of permits) {
    const match = matches.get(permit.applicantId);
    if (match && isCurrentPermit(permit, today)) consider({ caseId: permit.caseId, kind: 'permit_holder', match, action: permit.action, previous: permit.screening ?? 'none' });
  }
  return [...targets.values()].sort((a, b) => a.caseId.localeCompare(b.caseId));
}

/** The case's screening once a late match reaches it: listed goes to a joint review; a near match waits for a Big Data Bureau officer. */
export function screeningAfterLateMatch(previous: ScreeningOutcomeName | 'none', match: LateMatch): ScreeningOutcomeName {
  if (match === 'listed' || previous === 'listed') return 'listed';
  return 'possible';
}

/**
 * An officer cleared a possible match: the screening step is announced granted only when nothing
 * had granted it before. A late near match on a case cleared at submission (or never screened)
 * leaves the step as it was.
 */
export function clearingDecidesTheStep(lateReferrals: readonly { match: LateMatch; previous: ScreeningOutcomeName | 'none' }[]): boolean {
  return !lateReferrals.some((referral) => referral.match === 'possible' && referral.previous !== 'possible');
}

/** Why the case is referred, as the catalogue's message; the entry's reason (the reporting officer's words) as written. */
export function lateReferralReason(kind: LateListingTarget['kind'], entryReason: string): Message {
  const reason = officerReason(entryReason);
  return kind === 'open_case' ? message('screening.late_listed_case', { reason }) : message('screening.late_listed_holder', { reason });
}

import { type Message, message, officerReason } from '@work-permit/catalogue';

export type OpinionKind = 'approve' | 'reject';

/**
 * The conclusion once every involved agency has answered: approved when all approve (with their
 * remarks), rejected with each rejecting agency's reason otherwise (officers' words as written);
 * undefined while an opinion is outstanding.
 */
export function concludeJointReview(
  agencies: readonly string[],
  opinions: readonly { agency: string; opinion: OpinionKind; reason: string }[],
): { status: 'approved' | 'rejected'; reason: Message } | undefined {
  if (!agencies.every((agency) => opinions.some((o) => o.agency === agency))) return undefined;
  const rejections = opinions.filter((o) => o.opinion === 'reject');
  if (rejections.length === 0) {
    return { status: 'approved', reason: message('joint_review.approved', { remarks: opinions.filter((o) => o.reason).map((o) => officerReason(o.reason)) }) };
  }
  const rejected = rejections.map((o) => message('joint_review.opinion', { agency: o.agency, reason: officerReason(o.reason) }));
  return { status: 'rejected', reason: message('joint_review.rejected', { opinions: rejected }) };
}

/** The agencies still to answer. */
export function outstandingAgencies(agencies: readonly string[], opinions: readonly { agency: string }[]): string[] {
  return agencies.filter((agency) => !opinions.some((o) => o.agency === agency));
}

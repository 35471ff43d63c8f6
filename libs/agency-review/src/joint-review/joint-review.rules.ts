export type OpinionKind = 'approve' | 'reject';

/**
 * The conclusion once every involved agency has answered: approved when all approve, rejected with
 * the rejecting agencies' reasons otherwise; undefined while an opinion is outstanding.
 */
export function concludeJointReview(
  agencies: readonly string[],
  opinions: readonly { agency: string; opinion: OpinionKind; reason: string }[],
): { status: 'approved' | 'rejected'; reason: string } | undefined {
  if (!agencies.every((agency) => opinions.some((o) => o.agency === agency))) return undefined;
  const rejections = opinions.filter((o) => o.opinion === 'reject');
  if (rejections.length === 0) return { status: 'approved', reason: opinions.map((o) => o.reason).filter(Boolean).join('; ') };
  return { status: 'rejected', reason: rejections.map((o) => `${o.agency}: ${o.reason}`).join('; ') };
}

/** The agencies still to answer. */
export function outstandingAgencies(agencies: readonly string[], opinions: readonly { agency: string }[]): string[] {
  return agencies.filter((agency) => !opinions.some((o) => o.agency === agency));
}

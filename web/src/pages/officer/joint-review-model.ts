import type { JointReviewOpinion, JointReviewView } from '../../api/types';

/** Where the signed-in officer's agency stands in a joint review. */
export type Standing = { kind: 'awaiting' } | { kind: 'answered'; opinion?: JointReviewOpinion } | { kind: 'notInvolved' };

export function standingOf(review: Pick<JointReviewView, 'agencies' | 'awaiting' | 'awaitingYou' | 'opinions' | 'status'>, agency: string | undefined): Standing {
  const opinion = review.opinions.find((given) => given.agency === agency);
  if (opinion) return { kind: 'answered', opinion };
  if (review.status === 'open' && (review.awaitingYou || (agency !== undefined && review.awaiting.includes(agency)))) return { kind: 'awaiting' };
  if (agency !== undefined && review.agencies.includes(agency)) return { kind: 'answered' };
  return { kind: 'notInvolved' };
}

export interface OpinionDraft {
  opinion?: 'approve' | 'reject';
  reason: string;
}

/** The server's rules: an opinion is approve or reject; a rejection says why. Message keys by control. */
export function opinionProblemsOf(draft: OpinionDraft): Partial<Record<'opinion' | 'reason', string>> {
  if (!draft.opinion) return { opinion: 'joint.chooseOpinion' };
  if (draft.opinion === 'reject' && draft.reason.trim() === '') return { reason: 'joint.reasonRequired' };
  return {};
}

export function opinionBodyOf(draft: OpinionDraft & { opinion: 'approve' | 'reject' }): { opinion: 'approve' | 'reject'; reason?: string } {
  const reason = draft.reason.trim();
  return { opinion: draft.opinion, ...(reason ? { reason } : {}) };
}

import { message } from '@work-permit/catalogue';
import type { ChainLink, ChainVerdict } from './hash-chain';

/** A head of the access log as published on sharing.events: its newest row when it was published. */
export interface PublishedHead extends ChainLink {
  rowAt: Date;
}

/**
 * The head to hold a log to: the highest row any publication named. Row ids only grow, so a later
 * publication of a lower row (after a deletion) cannot take back what an earlier one showed.
 */
export function highestHead<H extends ChainLink>(heads: readonly H[]): H | undefined {
  return heads.reduce<H | undefined>((best, head) => (!best || head.id > best.id ? head : best), undefined);
}

/**
 * The chain's verdict held against the published head: a log that ends before the head lost its tail;
 * a row at the head's id with another hash means the chain was rewritten (by someone holding the key,
 * since without it the chain itself would not verify). `hashAtHead` is the hash of the row with the
 * head's id, when the log has one.
 */
export function againstPublishedHead(verdict: ChainVerdict, head: ChainLink | undefined, hashAtHead: string | undefined): ChainVerdict {
  if (!verdict.ok || !head) return verdict;
  if (head.id > verdict.rows) {
    return { ok: false, rows: verdict.rows, brokenAt: verdict.rows + 1, reason: message('sharing.audit.tail_deleted', { head: head.id, rows: verdict.rows }) };
  }
  if (hashAtHead !== head.hash) {
    return { ok: false, rows: head.id - 1, brokenAt: head.id, reason: message('sharing.audit.rewritten', { head: head.id }) };
  }
  return verdict;
}

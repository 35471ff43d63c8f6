import { isLaterThan, type RecordFieldValue, sameValue, trustRank } from './record-field';

/** A value offered after the kept one, by a less trusted filing, that says something else. */
export interface RecordConflict {
  path: string;
  kept: RecordFieldValue;
  offered: RecordFieldValue;
}

/**
 * The conflicts of a record, path by path: for each trust below the kept value's, the latest offer of
 * that trust when it is later than the kept value and differs from it. An older offer is not a
 * conflict: the kept value superseded it in time as well.
 */
export function conflictsOf(kept: readonly RecordFieldValue[], offers: readonly RecordFieldValue[]): RecordConflict[] {
  const keptByPath = new Map(kept.map((field) => [field.path, field]));
  const latestBelow = new Map<string, RecordConflict>();
  for (const offer of offers) {
    const current = keptByPath.get(offer.path);
    if (!current || trustRank(offer.trust) >= trustRank(current.trust)) continue;
    const key = `${offer.path}\u0000${offer.trust}`;
    const latest = latestBelow.get(key);
    if (!latest || isLaterThan(offer, latest.offered)) latestBelow.set(key, { path: offer.path, kept: current, offered: offer });
  }
  return [...latestBelow.values()]
    .filter(({ kept: current, offered }) => isLaterThan(offered, current) && !sameValue(offered.value, current.value))
    .sort((a, b) => a.path.localeCompare(b.path) || trustRank(b.offered.trust) - trustRank(a.offered.trust));
}

import { localize, message } from '@work-permit/catalogue';
import { createHash } from 'node:crypto';
import { brokenLink, chain, type ChainedAccessEntry, GENESIS_HASH, hashOf, verifyChain } from './hash-chain';

const KEY = 'test-audit-chain-key-of-enough-length!';
const read = (n: number) => ({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)), applicantId: 'ap_1', agency: 'psb', subject: `officer-${n}`, purpose: 'residence permit review', fields: ['b', 'a'] });

function chainOf(count: number, key = KEY): ChainedAccessEntry[] {
  const rows: ChainedAccessEntry[] = [];
  for (let n = 0; n < count; n += 1) rows.push(chain(key, rows[rows.length - 1], read(n)));
  return rows;
}

describe('access log hash chain', () => {
  it('numbers rows from 1, links each to the one before, and sorts the released fields', () => {
    const [first, second] = chainOf(2);
    expect(first).toMatchObject({ id: 1, prevHash: GENESIS_HASH, fields: ['a', 'b'] });
    expect(second).toMatchObject({ id: 2, prevHash: first.hash });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(KEY, first.prevHash, { ...first, fields: ['b', 'a'] })).toBe(first.hash);
  });

  it('keys the hash: another key, or none, gives another hash', () => {
    const [first] = chainOf(1);
    expect(hashOf('another key entirely, also long enough', first.prevHash, first)).not.toBe(first.hash);
    const unkeyed = createHash('sha256').update(first.prevHash).update('\n').update(JSON.stringify([1, first.at.toISOString(), 'ap_1', 'psb', 'officer-0', 'residence permit review', ['a', 'b']])).digest('hex');
    expect(unkeyed).not.toBe(first.hash);
  });

  it('verifies an intact chain, also page by page', () => {
    const rows = chainOf(5);
    expect(verifyChain(KEY, rows)).toMatchObject({ ok: true, rows: 5, head: rows[4].hash });
    const firstPage = verifyChain(KEY, rows.slice(0, 2));
    expect(verifyChain(KEY, rows.slice(2), firstPage)).toMatchObject({ ok: true, rows: 5 });
    expect(verifyChain(KEY, [])).toMatchObject({ ok: true, rows: 0, head: GENESIS_HASH });
  });

  it('reports the first altered row', () => {
    const rows = chainOf(4);
    rows[2] = { ...rows[2], purpose: 'curiosity' };
    expect(verifyChain(KEY, rows)).toMatchObject({ ok: false, brokenAt: 3, rows: 2, reason: message('sharing.audit.hash_mismatch') });
  });

  it('reports a row rehashed by someone without the rows after it', () => {
    const rows = chainOf(3);
    const forged = { ...rows[1], fields: ['a'] };
    rows[1] = { ...forged, hash: hashOf(KEY, forged.prevHash, forged) };
    expect(verifyChain(KEY, rows)).toMatchObject({ ok: false, brokenAt: 3, reason: message('sharing.audit.prev_hash_mismatch') });
  });

  it('reports a whole chain recomputed without the key from its first row', () => {
    const recomputed = chainOf(3, 'a guess at the key, long enough to pass');
    expect(verifyChain(KEY, recomputed)).toMatchObject({ ok: false, brokenAt: 1, rows: 0, reason: message('sharing.audit.hash_mismatch') });
  });

  it('reports a removed row', () => {
    const rows = chainOf(3);
    expect(verifyChain(KEY, [rows[0], rows[2]])).toMatchObject({ ok: false, brokenAt: 3, reason: message('sharing.audit.row_missing', { expected: 2, found: 3 }) });
    expect(localize(brokenLink(KEY, undefined, rows[1])!)).toEqual({
      zh: '下一行应为第1行，实为第2行（有行被删除或重新编号）',
      en: 'expected row 1 next, found row 2 (a row was removed or renumbered)',
    });
  });
});

import { brokenLink, chain, type ChainedAccessEntry, GENESIS_HASH, hashOf, verifyChain } from './hash-chain';

const read = (n: number) => ({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)), applicantId: 'ap_1', agency: 'psb', subject: `officer-${n}`, purpose: 'residence permit review', fields: ['b', 'a'] });

function chainOf(count: number): ChainedAccessEntry[] {
  const rows: ChainedAccessEntry[] = [];
  for (let n = 0; n < count; n += 1) rows.push(chain(rows[rows.length - 1], read(n)));
  return rows;
}

describe('access log hash chain', () => {
  it('numbers rows from 1, links each to the one before, and sorts the released fields', () => {
    const [first, second] = chainOf(2);
    expect(first).toMatchObject({ id: 1, prevHash: GENESIS_HASH, fields: ['a', 'b'] });
    expect(second).toMatchObject({ id: 2, prevHash: first.hash });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(first.prevHash, { ...first, fields: ['b', 'a'] })).toBe(first.hash);
  });

  it('verifies an intact chain, also page by page', () => {
    const rows = chainOf(5);
    expect(verifyChain(rows)).toMatchObject({ ok: true, rows: 5, head: rows[4].hash });
    const firstPage = verifyChain(rows.slice(0, 2));
    expect(verifyChain(rows.slice(2), firstPage)).toMatchObject({ ok: true, rows: 5 });
    expect(verifyChain([])).toMatchObject({ ok: true, rows: 0, head: GENESIS_HASH });
  });

  it('reports the first altered row', () => {
    const rows = chainOf(4);
    rows[2] = { ...rows[2], purpose: 'curiosity' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 3, rows: 2, reason: expect.stringContaining('altered') });
  });

  it('reports a row rehashed by someone without the rows after it', () => {
    const rows = chainOf(3);
    const forged = { ...rows[1], fields: ['a'] };
    rows[1] = { ...forged, hash: hashOf(forged.prevHash, forged) };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringContaining('prev_hash') });
  });

  it('reports a removed row', () => {
    const rows = chainOf(3);
    expect(verifyChain([rows[0], rows[2]])).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringContaining('removed') });
    expect(brokenLink(undefined, rows[1])).toContain('expected row 1');
  });
});

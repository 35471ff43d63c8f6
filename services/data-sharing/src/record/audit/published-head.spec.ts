import { againstPublishedHead, highestHead } from './published-head';

const intact = { ok: true as const, rows: 5, head: 'h5' };

describe(highestHead.name, () => {
  it('holds the log to the highest row ever published, whatever came later', () => {
    expect(highestHead([{ id: 5, hash: 'h5' }, { id: 3, hash: 'h3' }])).toEqual({ id: 5, hash: 'h5' });
    expect(highestHead([])).toBeUndefined();
  });
});

describe(againstPublishedHead.name, () => {
  it('accepts a log that reaches the head with the same hash, or goes beyond it', () => {
    expect(againstPublishedHead(intact, { id: 5, hash: 'h5' }, 'h5')).toEqual(intact);
    expect(againstPublishedHead(intact, { id: 3, hash: 'h3' }, 'h3')).toEqual(intact);
    expect(againstPublishedHead(intact, undefined, undefined)).toEqual(intact);
  });

  it('reports a deleted tail: the log ends before the published head', () => {
    expect(againstPublishedHead({ ok: true, rows: 3, head: 'h3' }, { id: 5, hash: 'h5' }, undefined)).toMatchObject({ ok: false, brokenAt: 4, rows: 3, reason: expect.stringContaining('deleted from its tail') });
    expect(againstPublishedHead({ ok: true, rows: 0, head: '' }, { id: 5, hash: 'h5' }, undefined)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('reports a rewritten chain: the row at the head has another hash', () => {
    expect(againstPublishedHead(intact, { id: 4, hash: 'h4' }, 'forged')).toMatchObject({ ok: false, brokenAt: 4, rows: 3, reason: expect.stringContaining('rewritten') });
  });

  it('leaves a broken chain reported as the chain found it', () => {
    const broken = { ok: false as const, rows: 1, brokenAt: 2, reason: 'altered' };
    expect(againstPublishedHead(broken, { id: 5, hash: 'h5' }, undefined)).toBe(broken);
  });
});

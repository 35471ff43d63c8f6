import { message, onTheWire } from '@work-permit/catalogue';
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
    expect(againstPublishedHead({ ok: true, rows: 3, head: 'h3' }, { id: 5, hash: 'h5' }, undefined)).toMatchObject({ ok: false, brokenAt: 4, rows: 3, reason: message('sharing.audit.tail_deleted', { head: 5, rows: 3 }) });
    expect(onTheWire(message('sharing.audit.tail_deleted', { head: 5, rows: 3 }))).toBe(
      '已发布的链头为第5行，但访问记录只到第3行：末尾的行已被删除 / the published head is row 5 but the log ends at row 3: rows were deleted from its tail',
    );
    expect(againstPublishedHead({ ok: true, rows: 0, head: '' }, { id: 5, hash: 'h5' }, undefined)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('reports a rewritten chain: the row at the head has another hash', () => {
    expect(againstPublishedHead(intact, { id: 4, hash: 'h4' }, 'forged')).toMatchObject({ ok: false, brokenAt: 4, rows: 3, reason: message('sharing.audit.rewritten', { head: 4 }) });
  });

  it('leaves a broken chain reported as the chain found it', () => {
    const broken = { ok: false as const, rows: 1, brokenAt: 2, reason: message('sharing.audit.hash_mismatch') };
    expect(againstPublishedHead(broken, { id: 5, hash: 'h5' }, undefined)).toBe(broken);
  });
});

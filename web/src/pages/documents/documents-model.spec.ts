import { fileNameOf, newestFirst, normalizeDocumentNo, titleIn } from './documents-model';

const doc = (documentNo: string, issuedAt: string) => ({ documentNo, kind: 'decision' as const, issuedAt, title: { zh: '准予许可决定书', en: 'Decision to Grant' } });

describe('documents model', () => {
  it('lists the newest document first', () => {
    expect(newestFirst([doc('A', '2026-12-01T00:00:00Z'), doc('B', '2026-12-06T00:00:00Z')]).map((d) => d.documentNo)).toEqual(['B', 'A']);
  });

  it('saves a download under its document number', () => {
    expect(fileNameOf(doc('PSB-20261206-0123456789', ''))).toBe('PSB-20261206-0123456789.pdf');
  });

  it('reads a typed number as printed', () => {
    expect(normalizeDocumentNo(' psb-20261206-01234 56789 ')).toBe('PSB-20261206-0123456789');
  });

  it('titles a document in the reader’s language', () => {
    expect(titleIn(doc('A', ''), 'zh')).toBe('准予许可决定书');
    expect(titleIn(doc('A', ''), 'en')).toBe('Decision to Grant');
  });
});

import { isDocumentNo, newDocumentNo } from './document-number';

describe(newDocumentNo.name, () => {
  it('reads issuer, day of issue and ten random characters', () => {
    const no = newDocumentNo('psb', '2026-12-06', () => Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 31]));
    expect(no).toBe('PSB-20261206-012345678Z');
    expect(isDocumentNo(no)).toBe(true);
  });

  it('gives a different number every time without asking anyone', () => {
    const numbers = new Set(Array.from({ length: 2000 }, () => newDocumentNo('approval', '2026-12-06')));
    expect(numbers.size).toBe(2000);
    expect([...numbers].every(isDocumentNo)).toBe(true);
  });

  it('refuses an issuer code that is not 2–8 letters', () => {
    expect(() => newDocumentNo('ps-b', '2026-12-06')).toThrow('issuer code');
  });

  it.each(['', 'PSB-2026120-0123456789', 'PSB-20261206-01234567IO', '../etc/passwd', 'psb-20261206-0123456789'])('tells %p is not a document number', (value) => {
    expect(isDocumentNo(value)).toBe(false);
  });
});

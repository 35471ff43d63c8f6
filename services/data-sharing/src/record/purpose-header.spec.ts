import { decodePurposeHeader } from './purpose-header';

describe(decodePurposeHeader.name, () => {
  it('keeps a plain purpose as written', () => {
    expect(decodePurposeHeader('  residence permit review RP-17 ')).toBe('residence permit review RP-17');
    expect(decodePurposeHeader(undefined)).toBe('');
  });

  it('decodes a percent-encoded UTF-8 purpose, as browsers must send Chinese', () => {
    expect(decodePurposeHeader(encodeURIComponent('居留许可审查'))).toBe('居留许可审查');
  });

  it('keeps a value that only looks encoded', () => {
    expect(decodePurposeHeader('discount 100%25 %E6')).toBe('discount 100%25 %E6');
  });
});

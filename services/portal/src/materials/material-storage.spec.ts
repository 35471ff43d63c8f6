import { isSha256, materialKey } from './material-storage';

const SHA = `ab${'0'.repeat(62)}`;

describe(materialKey.name, () => {
  it('puts a document under the first two characters of its sha256', () => {
    expect(materialKey(SHA)).toBe(`ab/${SHA}`);
  });

  it('refuses anything that is not a lower-case hex sha256, so no key leaves its folder', () => {
    expect(() => materialKey('../../etc/passwd')).toThrow();
    expect(() => materialKey(SHA.toUpperCase())).toThrow();
    expect(() => materialKey(SHA.slice(1))).toThrow();
  });
});

describe(isSha256.name, () => {
  it('takes 64 lower-case hexadecimal characters only', () => {
    expect(isSha256(SHA)).toBe(true);
    expect(isSha256(`${SHA}0`)).toBe(false);
    expect(isSha256(64)).toBe(false);
  });
});

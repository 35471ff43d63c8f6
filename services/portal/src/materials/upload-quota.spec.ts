import { fitsQuota } from './upload-quota';

describe(fitsQuota.name, () => {
  it('takes a document that fits what is left of the quota, up to the last byte', () => {
    expect(fitsQuota({ usedBytes: 900, alreadyTheirs: false }, 100, 1000)).toBe(true);
    expect(fitsQuota({ usedBytes: 900, alreadyTheirs: false }, 101, 1000)).toBe(false);
  });

  it('always takes the same bytes again from the subject who uploaded them: they cost nothing more', () => {
    expect(fitsQuota({ usedBytes: 1000, alreadyTheirs: true }, 500, 1000)).toBe(true);
  });
});

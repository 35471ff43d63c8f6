import { verificationStatus } from './verification-status';

const permit = { kind: 'e_permit' as const, validTo: '2027-12-05', cancelledOn: null };

describe(verificationStatus.name, () => {
  it('is valid within its validity, to its last day included', () => {
    expect(verificationStatus(permit, false, '2027-12-05')).toBe('valid');
  });

  it('is expired the day after its last day', () => {
    expect(verificationStatus(permit, false, '2027-12-06')).toBe('expired');
  });

  it('is superseded by a later e-permit of the same item for the same person, expired or not', () => {
    expect(verificationStatus(permit, true, '2026-12-06')).toBe('superseded');
    expect(verificationStatus(permit, true, '2028-01-01')).toBe('superseded');
  });

  it('is cancelled from its cancellation day on, whatever else holds', () => {
    const cancelled = { ...permit, cancelledOn: '2027-03-01' };
    expect(verificationStatus(cancelled, true, '2027-02-28')).toBe('superseded');
    expect(verificationStatus(cancelled, false, '2027-02-28')).toBe('valid');
    expect(verificationStatus(cancelled, true, '2027-03-01')).toBe('cancelled');
  });

  it('keeps a notice or a decision valid: they have no validity of their own', () => {
    expect(verificationStatus({ kind: 'decision', validTo: null, cancelledOn: null }, true, '2030-01-01')).toBe('valid');
  });
});

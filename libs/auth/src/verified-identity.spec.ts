import { AuthExceptionCode } from './auth.exception';
import type { Principal } from './principal';
import { assertActsAsThemselves, identityMismatches } from './verified-identity';

const alice: Principal = { subject: 'alice', role: 'applicant', identity: { passportNo: 'E12345678', nationality: 'GBR' } };
const acme: Principal = { subject: 'acme-hr', role: 'employer', uscc: '91371000MA3C5LXX0F' };

describe(identityMismatches.name, () => {
  it('accepts an applicant filing as themselves, passport number compared without case or spaces', () => {
    expect(identityMismatches(alice, { applicant: { passportNo: 'e1234 5678', nationality: 'GBR' } })).toEqual([]);
  });

  it('names the passport number and nationality of another person', () => {
    expect(identityMismatches(alice, { applicant: { passportNo: 'X99999999', nationality: 'DEU' } })).toEqual(['applicant.passportNo', 'applicant.nationality']);
    expect(identityMismatches(alice, { applicant: { passportNo: 'E12345678', nationality: 'USA' } })).toEqual(['applicant.nationality']);
  });

  it('treats a missing identity in the request as a mismatch', () => {
    expect(identityMismatches(alice, {})).toEqual(['applicant.passportNo', 'applicant.nationality']);
  });

  it('lets an employer file only for its own credit code', () => {
    expect(identityMismatches(acme, { employer: { uscc: '91371000MA3C5LXX0F' } })).toEqual([]);
    expect(identityMismatches(acme, { employer: { uscc: '91370000MA3C5LXX0Y' } })).toEqual(['employer.uscc']);
    expect(identityMismatches(acme, { employer: {} })).toEqual(['employer.uscc']);
  });

  it('finds no mismatch for a clerk, who files for walk-ins by office', () => {
    expect(identityMismatches({ subject: 'clerk-1', role: 'clerk' }, { applicant: { passportNo: 'X1', nationality: 'DEU' } })).toEqual([]);
  });
});

describe(assertActsAsThemselves.name, () => {
  it('throws identity_mismatch with one detail per field', () => {
    expect(() => assertActsAsThemselves(alice, { applicant: { passportNo: 'X99999999', nationality: 'GBR' } })).toThrow(
      expect.objectContaining({ code: AuthExceptionCode.IDENTITY_MISMATCH, details: [{ field: 'applicant.passportNo', message: expect.any(String) }] }),
    );
  });
});

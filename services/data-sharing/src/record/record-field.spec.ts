import { isPrefillable, mergeFields, outranks, type RecordFieldValue, type Trust, trustOfSubmitter } from './record-field';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute));
const field = (path: string, value: string, minute: number, eventId = `e${minute}`, trust: Trust = 'verified'): RecordFieldValue => ({
  path,
  value,
  source: 'portal.case.submitted',
  sourceCaseId: `case-${minute}`,
  sourceEventId: eventId,
  updatedAt: at(minute),
  trust,
  offeredBy: trust === 'verified' ? 'applicant' : 'employer',
});

/** Every order of `offers` folded one by one from an empty record: the kept values. */
function keptInEveryOrder(offers: RecordFieldValue[]): Set<string> {
  const permutations = (list: RecordFieldValue[]): RecordFieldValue[][] =>
    list.length <= 1 ? [list] : list.flatMap((first, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [first, ...rest]));
  return new Set(
    permutations(offers).map((order) => {
      let kept: RecordFieldValue[] = [];
      for (const offer of order) {
        const { written } = mergeFields(kept, [offer]);
        kept = [...kept.filter((f) => !written.some((w) => w.path === f.path)), ...written];
      }
      return JSON.stringify(kept.map((f) => [f.path, f.value, f.sourceEventId]));
    }),
  );
}

describe(mergeFields.name, () => {
  it('takes new values and records the change from the old one', () => {
    const { written, changes } = mergeFields([field('employment.position', 'engineer', 1)], [field('employment.position', 'lead engineer', 2), field('applicant.sex', 'F', 2)]);
    expect(written.map((f) => f.path)).toEqual(['employment.position', 'applicant.sex']);
    expect(changes).toEqual([
      expect.objectContaining({ subject: 'employment.position', oldValue: 'engineer', newValue: 'lead engineer', caseId: 'case-2', occurredAt: at(2) }),
      expect.objectContaining({ subject: 'applicant.sex', oldValue: null, newValue: 'F' }),
    ]);
  });

  it('ignores a value older than the current one, whatever order they arrive in', () => {
    const newer = field('employment.position', 'lead engineer', 5);
    const older = field('employment.position', 'engineer', 3);
    expect(mergeFields([newer], [older])).toEqual({ written: [], changes: [], kept: [newer] });
    const inOrder = mergeFields([older], [newer]).written;
    expect(inOrder).toEqual([newer]);
  });

  it('keeps the current values with those written in their place, as the table holds them after the merge', () => {
    const email = field('applicant.email', 'a@example.com', 1);
    const position = field('employment.position', 'engineer', 1);
    const promoted = field('employment.position', 'lead engineer', 2);
    const stale = field('applicant.email', 'old@example.com', 0);
    const phone = field('applicant.phone', '+86 631 1234', 2);
    const { kept } = mergeFields([email, position], [promoted, stale, phone]);
    expect(kept).toEqual([email, promoted, phone]);
  });

  it('breaks a tie of times by event id, so every replica agrees', () => {
    const a = field('applicant.email', 'a@example.com', 4, 'a');
    const b = field('applicant.email', 'b@example.com', 4, 'b');
    expect(mergeFields([a], [b]).written).toEqual([b]);
    expect(mergeFields([b], [a]).written).toEqual([]);
  });

  it('moves the provenance to a later confirmation of the same value without a history entry', () => {
    const { written, changes } = mergeFields([field('employer.name', 'ACME', 1)], [field('employer.name', 'ACME', 2)]);
    expect(written).toEqual([field('employer.name', 'ACME', 2)]);
    expect(changes).toEqual([]);
  });

  it('takes an object value read back with its keys in another order as the same value', () => {
    // jsonb keeps `sha256` before `issuedAt` (shorter keys first); a submission offers them the other way round.
    const kept = { ...field('materials.PASSPORT', '', 1), value: { sha256: 'ab12', issuedAt: '2026-01-05' } };
    const offered = { ...field('materials.PASSPORT', '', 2), value: { issuedAt: '2026-01-05', sha256: 'ab12' } };
    expect(mergeFields([kept], [offered])).toMatchObject({ written: [offered], changes: [] });
    expect(mergeFields([kept], [{ ...offered, value: { issuedAt: '2026-01-06', sha256: 'ab12' } }]).changes).toHaveLength(1);
  });

  it("never replaces a verified value by a later unverified filing, which may still add what the record lacks", () => {
    const own = field('employment.position', 'lead engineer', 1);
    const { written, changes } = mergeFields([own], [field('employment.position', 'intern', 9, 'x', 'unverified'), field('applicant.phone', '+86 631 1234', 9, 'x', 'unverified')]);
    expect(written.map((f) => [f.path, f.value])).toEqual([['applicant.phone', '+86 631 1234']]);
    expect(changes.map((c) => c.subject)).toEqual(['applicant.phone']);
  });

  it('lets a verified value replace an unverified one, however old it is', () => {
    const byEmployer = field('employment.position', 'intern', 9, 'x', 'unverified');
    expect(mergeFields([byEmployer], [field('employment.position', 'engineer', 1)]).changes).toEqual([
      expect.objectContaining({ oldValue: 'intern', newValue: 'engineer', occurredAt: at(1) }),
    ]);
  });

  it('keeps the same value whatever order verified and unverified offers arrive in', () => {
    const offers = [
      field('employment.position', 'engineer', 1),
      field('employment.position', 'intern', 9, 'x', 'unverified'),
      field('employment.position', 'lead engineer', 5),
      field('employment.position', 'trainee', 7, 'y', 'unverified'),
    ];
    expect([...keptInEveryOrder(offers)]).toEqual([JSON.stringify([['employment.position', 'lead engineer', 'e5']])]);
  });

  it('pre-fills identity, contact, employer, employment and holdings, not materials', () => {
    expect(['applicant.passportNo', 'employer.uscc', 'employment.position', 'holdings.workPermitNo'].every(isPrefillable)).toBe(true);
    expect(isPrefillable('materials.NO_CRIMINAL_RECORD')).toBe(false);
  });
});

describe(outranks.name, () => {
  it('ranks by trust first, then by time and event id', () => {
    const verifiedEarly = field('p', 'a', 1);
    const unverifiedLate = field('p', 'b', 9, 'z', 'unverified');
    expect(outranks(verifiedEarly, unverifiedLate)).toBe(true);
    expect(outranks(unverifiedLate, verifiedEarly)).toBe(false);
    expect(outranks(field('p', 'c', 2), verifiedEarly)).toBe(true);
    expect(outranks(verifiedEarly, verifiedEarly)).toBe(false);
  });
});

describe(trustOfSubmitter.name, () => {
  it("vouches for a filing only when the person filed it as themselves", () => {
    expect(trustOfSubmitter('applicant')).toBe('verified');
    expect(trustOfSubmitter('employer')).toBe('unverified');
    expect(trustOfSubmitter('clerk')).toBe('unverified');
    expect(trustOfSubmitter(undefined)).toBe('unverified');
  });
});

import type { RecordRefusalRow } from './record-refusal.entity';
import { type DeclinedFacts, refusalsOf, refusalsView } from './refusals';

const APPLICANT = `ap_${'a'.repeat(32)}`;
const fact = (path: string) => ({ path, recordVersion: 3, source: 'portal.case.submitted', sourceCaseId: 'c0', updatedAt: new Date('2026-03-01T08:00:00Z') });
const event = { eventId: 'e1', occurredAt: new Date('2026-03-05T06:20:00Z') };

describe(refusalsOf.name, () => {
  it('notes one row per declined path of the case, at the submission’s time', () => {
    const declined: DeclinedFacts = { caseId: 'c1', applicantId: APPLICANT, facts: [fact('applicant.phone'), fact('applicant.email'), fact('applicant.phone')] };
    expect(refusalsOf(declined, event)).toEqual([
      { applicantId: APPLICANT, caseId: 'c1', path: 'applicant.phone', refusedAt: event.occurredAt, recordVersion: 3, source: 'portal.case.submitted', sourceCaseId: 'c0', valueUpdatedAt: fact('x').updatedAt, sourceEventId: 'e1' },
      expect.objectContaining({ path: 'applicant.email' }),
    ]);
  });

  it('notes nothing without a case, a well-formed person or a path', () => {
    expect(refusalsOf({ caseId: '', applicantId: APPLICANT, facts: [fact('applicant.phone')] }, event)).toEqual([]);
    expect(refusalsOf({ caseId: 'c1', applicantId: 'DEU/C01X00T47', facts: [fact('applicant.phone')] }, event)).toEqual([]);
    expect(refusalsOf({ caseId: 'c1', applicantId: APPLICANT, facts: [fact('')] }, event)).toEqual([]);
  });
});

describe(refusalsView.name, () => {
  const row = (caseId: string, path: string, day: number): RecordRefusalRow => ({
    ...refusalsOf({ caseId, applicantId: APPLICANT, facts: [fact(path)] }, { eventId: `e-${caseId}`, occurredAt: new Date(Date.UTC(2026, 2, day)) })[0],
  });

  it('shows a reader only the refusals of facts its scope releases, oldest first', () => {
    const rows = [row('c2', 'applicant.phone', 6), row('c1', 'employment.position', 5), row('c1', 'applicant.phone', 5)];
    expect(refusalsView(rows).map((refusal) => `${refusal.caseId} ${refusal.path}`)).toEqual(['c1 applicant.phone', 'c1 employment.position', 'c2 applicant.phone']);
    expect(refusalsView(rows, (key) => key.startsWith('employment.'))).toEqual([
      { path: 'employment.position', caseId: 'c1', refusedAt: '2026-03-05T00:00:00.000Z', recordVersion: 3, source: 'portal.case.submitted', sourceCaseId: 'c0' },
    ]);
  });
});

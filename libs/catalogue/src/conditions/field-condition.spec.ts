import { conditionFields, conditionHolds } from './field-condition';

describe(conditionHolds.name, () => {
  const body = { applicant: { entryDate: '2026-09-10', nationality: 'DEU', birthDate: '1956-03-01', email: ' ' }, change: { workPermitItem: 'category' }, history: { transferInChina: true } };

  it('tests whether a field is filled in, a blank string counting as empty', () => {
    expect(conditionHolds([{ field: 'applicant.entryDate', present: true }], body)).toBe(true);
    expect(conditionHolds([{ field: 'history.previousWorkPermitNo', present: false }], body)).toBe(true);
    expect(conditionHolds([{ field: 'applicant.email', present: true }], body)).toBe(false);
  });

  it('compares with one value or any of several', () => {
    expect(conditionHolds([{ field: 'change.workPermitItem', equals: 'category' }], body)).toBe(true);
    expect(conditionHolds([{ field: 'change.workPermitItem', equals: 'position' }], body)).toBe(false);
    expect(conditionHolds([{ field: 'history.transferInChina', equals: true }], body)).toBe(true);
    expect(conditionHolds([{ field: 'applicant.nationality', oneOf: ['KOR', 'DEU'] }], body)).toBe(true);
    expect(conditionHolds([{ field: 'applicant.nationality', oneOf: ['USA'] }], body)).toBe(false);
  });

  it('holds only when every test holds', () => {
    expect(conditionHolds([{ field: 'applicant.nationality', oneOf: ['DEU'] }, { field: 'history.transferInChina', equals: true }], body)).toBe(true);
    expect(conditionHolds([{ field: 'applicant.nationality', oneOf: ['DEU'] }, { field: 'history.transferInChina', equals: false }], body)).toBe(false);
    expect(conditionHolds([], body)).toBe(true);
  });

  it('tests an age on the day of review, both ends included', () => {
    const aged = [{ field: 'applicant.birthDate', ageFrom: 18, ageTo: 70 }];
    expect(conditionHolds(aged, body, { today: '2026-12-01' })).toBe(true); // 70
    expect(conditionHolds(aged, body, { today: '2027-03-01' })).toBe(false); // 71 that day
    expect(conditionHolds([{ field: 'applicant.unknown', ageFrom: 18, ageTo: 70 }], body, { today: '2026-12-01' })).toBe(false);
    expect(() => conditionHolds(aged, body)).toThrow(/day of review/);
  });
});

describe(conditionFields.name, () => {
  it('names each field a condition reads once', () => {
    expect(conditionFields([{ field: 'a.b', present: true }, { field: 'a.b', equals: 1 }, { field: 'c.d', oneOf: [] }])).toEqual(['a.b', 'c.d']);
    expect(conditionFields(undefined)).toEqual([]);
  });
});

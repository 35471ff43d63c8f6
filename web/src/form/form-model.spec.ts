import type { FormField, FormMaterial } from '../api/types';
import { initialValues, missingMaterials, newIdempotencyKey, placeServerErrors, sectionsOf, toCaseBody, validateField, validateForm } from './form-model';

const label = { zh: '标签', en: 'Label' };
const field = (path: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({ path, type, required: true, label, ...extra });

const surname = field('applicant.surname', 'string', { example: 'SCHMIDT' });
const birthDate = field('applicant.birthDate', 'date');
const salary = field('employment.annualSalaryCny', 'number');
const years = field('applicant.workExperienceYears', 'integer');
const sex = field('applicant.sex', 'enum', { options: [{ value: 'M', label }, { value: 'F', label }] });
const uscc = field('employer.uscc', 'string', { pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', example: '91371000MA3C8XY71K' });
const entryDate = field('applicant.entryDate', 'date', { required: false });

describe('validateField', () => {
  it('asks for required fields and lets empty optional ones pass', () => {
    expect(validateField(surname, '  ')).toEqual({ key: 'required' });
    expect(validateField(entryDate, '')).toBeNull();
  });

  it('checks dates are real calendar dates', () => {
    expect(validateField(birthDate, '1988-04-12')).toBeNull();
    expect(validateField(birthDate, '1988-02-30')).toEqual({ key: 'date' });
    expect(validateField(birthDate, '12/04/1988')).toEqual({ key: 'date' });
  });

  it('checks numbers, integers and options', () => {
    expect(validateField(salary, '480000.5')).toBeNull();
    expect(validateField(salary, 'lots')).toEqual({ key: 'number' });
    expect(validateField(years, '4')).toBeNull();
    expect(validateField(years, '4.5')).toEqual({ key: 'integer' });
    expect(validateField(sex, 'F')).toBeNull();
    expect(validateField(sex, 'X')).toEqual({ key: 'option' });
  });

  it('checks the pattern and offers the example', () => {
    expect(validateField(uscc, '91371000MA3C8XY71K')).toBeNull();
    expect(validateField(uscc, 'abc')).toEqual({ key: 'pattern', params: { example: '91371000MA3C8XY71K' } });
  });
});

describe('validateForm', () => {
  it('lists every control with a problem', () => {
    const issues = validateForm([surname, birthDate, salary, entryDate], { 'applicant.surname': '', 'applicant.birthDate': 'x', 'employment.annualSalaryCny': '1' });
    expect(Object.keys(issues).sort()).toEqual(['applicant.birthDate', 'applicant.surname']);
  });
});

describe('toCaseBody', () => {
  it('nests fields by path, types numbers and booleans, and leaves empty optional fields out', () => {
    const married = field('applicant.married', 'boolean', { required: false });
    const body = toCaseBody(
      [surname, salary, years, entryDate, married],
      { 'applicant.surname': ' SCHMIDT ', 'employment.annualSalaryCny': '480000', 'applicant.workExperienceYears': '4', 'applicant.entryDate': '', 'applicant.married': 'false' },
      [{ code: 'WORK_PERMIT', action: 'issue' }],
      [{ code: 'PASSPORT', sha256: 'a'.repeat(64), fileName: 'passport.pdf', issuedAt: '2024-01-02' }],
    );
    expect(body).toEqual({
      items: [{ code: 'WORK_PERMIT', action: 'issue' }],
      applicant: { surname: 'SCHMIDT', workExperienceYears: 4, married: false },
      employment: { annualSalaryCny: 480000 },
      materials: [{ code: 'PASSPORT', sha256: 'a'.repeat(64), fileName: 'passport.pdf', issuedAt: '2024-01-02' }],
    });
  });
});

describe('initialValues', () => {
  it('fills nothing from the shared record before the applicant has seen and accepted it, only what the verified sign-in fixes', () => {
    const prefilled = { ...years, prefill: { value: 6, source: 'portal.case.submitted' } };
    expect(initialValues([surname, prefilled])).toEqual({ 'applicant.surname': '', 'applicant.workExperienceYears': '' });
    expect(initialValues([surname, prefilled], { 'applicant.surname': 'SCHMIDT' })).toEqual({ 'applicant.surname': 'SCHMIDT', 'applicant.workExperienceYears': '' });
  });
});

describe('placeServerErrors', () => {
  const sent = [
    { code: 'PASSPORT', sha256: 'a'.repeat(64), fileName: 'p.pdf', issuedAt: '2024-01-02' },
    { code: 'PHOTO', sha256: 'b'.repeat(64), fileName: 'p.png', issuedAt: '2020-01-02' },
  ];

  it('puts field errors at their field, material errors at their material, and the rest in general', () => {
    const placed = placeServerErrors(
      { 'applicant.passportNo': 'is required', 'materials.1.issuedAt': 'must have been issued within 6 months', items: 'WORK_PERMIT is needed' },
      sent,
    );
    expect(placed).toEqual({
      fields: { 'applicant.passportNo': 'is required' },
      materials: { PHOTO: 'issuedAt: must have been issued within 6 months' },
      general: ['items: WORK_PERMIT is needed'],
    });
  });

  it("keeps a refused item's errors general (no control shows items.N)", () => {
    expect(placeServerErrors({ 'items.0': 'extension only 30–90 days before expiry' }, sent).general).toEqual(['items.0: extension only 30–90 days before expiry']);
  });
});

describe('sectionsOf', () => {
  it('orders applicant, employer, employment, then the rest', () => {
    const sections = sectionsOf([field('holdings.workPermitNo', 'string'), salary, uscc, surname]);
    expect(sections.map((s) => s.section)).toEqual(['applicant', 'employer', 'employment', 'holdings']);
  });
});

describe('missingMaterials', () => {
  it('lists required materials with no upload yet, not conditional ones', () => {
    const materials: FormMaterial[] = [
      { code: 'PASSPORT', name: label, items: ['WORK_PERMIT'], required: true },
      { code: 'PHOTO', name: label, items: ['WORK_PERMIT'], required: true },
      { code: 'RESIGNATION_PROOF', name: label, items: ['WORK_PERMIT'], required: false },
    ];
    expect(missingMaterials(materials, [{ code: 'PASSPORT', sha256: 'a', fileName: 'p', issuedAt: '2024-01-01' }]).map((m) => m.code)).toEqual(['PHOTO']);
  });
});

describe('newIdempotencyKey', () => {
  it('is a fresh UUID v4 each time, also where randomUUID is missing (plain HTTP)', () => {
    const insecure = { getRandomValues: <T extends ArrayBufferView>(array: T) => globalThis.crypto.getRandomValues(array as never) as T } as unknown as Crypto;
    const keys = [newIdempotencyKey(), newIdempotencyKey(insecure), newIdempotencyKey(insecure)];
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(3);
  });
});

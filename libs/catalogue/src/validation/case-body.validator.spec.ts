import { CatalogueErrorCode } from '../catalogue.exception';
import { mergeForm } from '../form/merged-form';
import type { ItemSelection } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { exampleBody, FIVE_ITEMS, setAt, TODAY } from '../testing/example-body';
import { validateCaseBody, validateMaterials } from './case-body.validator';

const catalogue = getCatalogue();
const WP_AND_RP: ItemSelection[] = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
];
const SHA = 'ab'.repeat(32);

function validBody(selection: ItemSelection[] = WP_AND_RP): Record<string, unknown> {
  return exampleBody(mergeForm(catalogue, selection).fields);
}

/** The problems in English, as the English reader sees them (both languages are checked below). */
function validate(body: unknown, selection: ItemSelection[] = WP_AND_RP) {
  return validateCaseBody(catalogue, selection, body, { today: TODAY }).map(({ field, messages }) => ({ field, message: messages.en }));
}

function withValue(path: string, value: unknown, selection: ItemSelection[] = WP_AND_RP) {
  const body = validBody(selection);
  setAt(body, path, value);
  return body;
}

describe(validateCaseBody.name, () => {
  it('accepts every field of the five-item form filled with its example', () => {
    expect(validate(validBody(FIVE_ITEMS), FIVE_ITEMS)).toEqual([]);
  });

  it('accepts a body without materials: the agencies ask for them in pre-review', () => {
    expect(validate({ ...validBody(), materials: [] })).toEqual([]);
  });

  it('accepts an optional field left out', () => {
    const body = validBody();
    delete (body.applicant as Record<string, unknown>).entryDate;
    expect(validate(body)).toEqual([]);
  });

  it('names a required field that is missing', () => {
    const body = validBody();
    delete (body.applicant as Record<string, unknown>).passportNo;
    expect(validate(body)).toEqual([{ field: 'applicant.passportNo', message: 'is required' }]);
  });

  it('takes a blank string for a missing field', () => {
    expect(validate(withValue('employer.name', '  '))).toEqual([{ field: 'employer.name', message: 'is required' }]);
  });

  it('names a field of the wrong type', () => {
    expect(validate(withValue('employment.annualSalaryCny', '480000'))).toEqual([{ field: 'employment.annualSalaryCny', message: 'must be a whole number' }]);
  });

  it('names a field that fails a rule', () => {
    expect(validate(withValue('employer.uscc', '91370000MA3C5LXX0X'))).toEqual([
      { field: 'employer.uscc', message: 'must be an 18-character unified social credit code with a valid check character' },
    ]);
  });

  it('names an unknown field inside a section', () => {
    expect(validate(withValue('applicant.favouriteColour', 'blue'))).toEqual([{ field: 'applicant.favouriteColour', message: 'unknown field' }]);
  });

  it('names an unknown top-level field', () => {
    expect(validate({ ...validBody(), discount: true })).toEqual([{ field: 'discount', message: 'unknown field' }]);
  });

  it('names a section the selection does not ask, such as a held permit when the permit is chosen', () => {
    expect(validate(withValue('holdings.workPermitNo', '137100202600012'))).toEqual([{ field: 'holdings', message: 'unknown field' }]);
  });

  it('requires the talent category fields on a change of category, which runs the talent step, and not on other changes', () => {
    const change: ItemSelection[] = [{ code: 'WORK_PERMIT', action: 'change' }];
    const body = validBody(change);
    for (const section of ['talent']) delete body[section];
    const applicant = body['applicant'] as Record<string, unknown>;
    delete applicant['education'];
    setAt(body, 'change.workPermitItem', 'passportNo');
    expect(validate(body, change)).toEqual([]);
    setAt(body, 'change.workPermitItem', 'category');
    expect(validate(body, change)).toEqual([{ field: 'applicant.education', message: 'is required' }]);
  });

  it.each([
    ['a residence permit number this platform issued', 'holdings.residencePermitNo', 'RP-371000-3F9A0C1B7D2E4F60'],
    ['a work permit number this platform issued', 'holdings.workPermitNo', 'WP20260123456789'],
    ['a social security number this platform assigned', 'holdings.socialSecurityNo', 'DEU-371000-7C1E09A4B25D3F86'],
    ['a real-world residence permit number', 'holdings.residencePermitNo', 'Y37100456789'],
  ])('accepts %s when pre-filled for the next application', (_, path, value) => {
    const selection: ItemSelection[] = [
      { code: 'RESIDENCE_PERMIT', action: 'extend' },
      { code: 'SOCIAL_INSURANCE', action: 'apply' },
    ];
    expect(validate(withValue(path, value, selection), selection)).toEqual([]);
  });

  it.each(['rp-371000-3f9a', 'RP--371000', '-RP371000', 'RP371', 'RP-371000-3F9A0C1B7D2E4F603F9A0C1B7'])('refuses the permit number %s', (value) => {
    expect(validate(withValue('history.previousWorkPermitNo', value))).toEqual([
      { field: 'history.previousWorkPermitNo', message: expect.stringContaining('upper-case letters or digits') },
    ]);
  });

  it('names a section that is not an object', () => {
    expect(validate({ ...validBody(), applicant: 'Maria' })).toEqual(expect.arrayContaining([{ field: 'applicant', message: 'must be an object' }]));
  });

  it('names every offending field at once', () => {
    const body = validBody();
    Object.assign(body.applicant as object, { passportNo: 'no!', nationality: 'XXX', birthDate: '1990-02-30', favouriteColour: 'blue' });
    setAt(body, 'employer.uscc', '91370000MA3C5LXX0X');
    expect(validate(body).map((e) => e.field).sort()).toEqual(['applicant.birthDate', 'applicant.favouriteColour', 'applicant.nationality', 'applicant.passportNo', 'employer.uscc']);
  });

  it('ignores the selection itself in the body', () => {
    expect(validate({ ...validBody(), items: WP_AND_RP })).toEqual([]);
  });

  it('says each problem in Chinese and in English', () => {
    const body = withValue('employment.annualSalaryCny', '480000');
    delete (body.applicant as Record<string, unknown>).passportNo;
    expect(validateCaseBody(catalogue, WP_AND_RP, body, { today: TODAY })).toEqual([
      { field: 'applicant.passportNo', message: '必填', messages: { zh: '必填', en: 'is required' } },
      { field: 'employment.annualSalaryCny', message: '须为整数', messages: { zh: '须为整数', en: 'must be a whole number' } },
    ]);
  });

  it('refuses a body that is not an object', () => {
    expect(validate([])).toEqual([{ field: '', message: 'the body must be a JSON object' }]);
  });

  it('throws for an invalid selection, as the merged form does', () => {
    expect(() => validate(validBody(), [{ code: 'VISA', action: 'issue' }])).toThrow(expect.objectContaining({ code: CatalogueErrorCode.UnknownItem }));
  });

  it('refuses a date that is not today when asked', () => {
    expect(() => validateCaseBody(catalogue, WP_AND_RP, validBody(), { today: '29/11/2026' })).toThrow(expect.objectContaining({ code: CatalogueErrorCode.InvalidArgument }));
  });

  describe('materials', () => {
    const material = (overrides: Record<string, unknown> = {}) => ({ code: 'PASSPORT', sha256: SHA, fileName: 'passport.pdf', issuedAt: '2024-05-01', ...overrides });
    const withMaterials = (...materials: unknown[]) => validate({ ...validBody(), materials });

    it('accepts documents of the chosen items', () => {
      expect(withMaterials(material(), material({ code: 'HEALTH_CERTIFICATE', issuedAt: '2026-10-01' }))).toEqual([]);
    });

    it('accepts a document another chosen item produces, though the form does not ask it', () => {
      expect(withMaterials(material({ code: 'WORK_PERMIT_PROOF' }))).toEqual([]);
    });

    it('names a document no chosen item needs', () => {
      expect(withMaterials(material(), material({ code: 'ACHIEVEMENT_EVIDENCE' }))).toEqual([{ field: 'materials.1.code', message: 'ACHIEVEMENT_EVIDENCE is not a material of the chosen items' }]);
    });

    it('names a hash that is not 64 lower-case hex characters', () => {
      expect(withMaterials(material({ sha256: SHA.toUpperCase() }))).toEqual([{ field: 'materials.0.sha256', message: 'must be 64 lower-case hexadecimal characters' }]);
    });

    it('names an issue date in the future', () => {
      expect(withMaterials(material({ issuedAt: '2026-12-01' }))).toEqual([{ field: 'materials.0.issuedAt', message: `must not be later than today (${TODAY})` }]);
    });

    it('names a certificate issued more than 6 months ago', () => {
      expect(withMaterials(material({ code: 'NO_CRIMINAL_RECORD', issuedAt: '2026-05-28' }))).toEqual([
        { field: 'materials.0.issuedAt', message: 'must have been issued within 6 months before today (on or after 2026-05-29)' },
      ]);
    });

    it('accepts a certificate issued exactly 6 months ago', () => {
      expect(withMaterials(material({ code: 'NO_CRIMINAL_RECORD', issuedAt: '2026-05-29' }))).toEqual([]);
    });

    it('names a missing file name and an unknown key', () => {
      expect(withMaterials(material({ fileName: undefined, pages: 3 }))).toEqual([
        { field: 'materials.0.pages', message: 'unknown field' },
        { field: 'materials.0.fileName', message: 'is required' },
      ]);
    });

    it('names materials that are not an array', () => {
      expect(validate({ ...validBody(), materials: { code: 'PASSPORT' } })).toEqual([{ field: 'materials', message: 'must be an array' }]);
    });
  });
});

describe(validateMaterials.name, () => {
  const catalogue = getCatalogue();
  const workPermit: ItemSelection[] = [{ code: 'WORK_PERMIT', action: 'issue' }];
  const health = { code: 'HEALTH_CERTIFICATE', sha256: 'c'.repeat(64), fileName: 'health.pdf' };

  it('accepts a material of the item issued within its validity', () => {
    expect(validateMaterials(catalogue, workPermit, [{ ...health, issuedAt: '2026-10-01' }], { today: TODAY })).toEqual([]);
  });

  it('names each bad entry: a certificate past its validity, a material of no chosen item, a malformed hash', () => {
    const errors = validateMaterials(
      catalogue,
      workPermit,
      [
        { ...health, issuedAt: '2026-01-10' },
        { ...health, code: 'FISHING_LICENCE', issuedAt: '2026-10-01' },
        { ...health, sha256: 'xyz', issuedAt: '2026-10-01' },
      ],
      { today: TODAY },
    );
    expect(errors.map((e) => e.field)).toEqual(['materials.0.issuedAt', 'materials.1.code', 'materials.2.sha256']);
  });
});

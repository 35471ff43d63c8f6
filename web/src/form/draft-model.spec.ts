import { ApiError } from '../api/http';
import type { FormField } from '../api/types';
import { attachedOfContent, isDraftConflict, selectionOfContent, startingValues, toDraftContent } from './draft-model';

const FIELDS: FormField[] = [
  { path: 'applicant.surname', type: 'string', required: true, label: { zh: '姓', en: 'Surname' } },
  { path: 'applicant.passportNo', type: 'string', required: true, label: { zh: '护照号', en: 'Passport' } },
  { path: 'applicant.workExperienceYears', type: 'integer', required: true, label: { zh: '年限', en: 'Years' } },
  { path: 'employment.annualSalaryCny', type: 'number', required: true, label: { zh: '年薪', en: 'Salary' }, prefill: { value: 300000, source: 'approval' } },
];
const ITEMS = [{ code: 'WORK_PERMIT', action: 'issue' }];

describe(toDraftContent.name, () => {
  it('nests what is filled by path, typed where it already reads as its type, and keeps the unfinished as typed', () => {
    const content = toDraftContent(FIELDS, { 'applicant.surname': ' SMITH ', 'applicant.workExperienceYears': 'five', 'employment.annualSalaryCny': '420000' }, ITEMS, [
      { code: 'PASSPORT', sha256: 'a'.repeat(64), fileName: 'p.pdf', issuedAt: '' },
    ]);
    expect(content).toEqual({
      items: ITEMS,
      applicant: { surname: 'SMITH', workExperienceYears: 'five' },
      employment: { annualSalaryCny: 420000 },
      materials: [{ code: 'PASSPORT', sha256: 'a'.repeat(64), fileName: 'p.pdf', issuedAt: '' }],
    });
  });

  it('keeps the answer to the pre-fill preview beside the body', () => {
    const consent = { recordVersion: 3, accepted: ['employment.annualSalaryCny'], declined: [] };
    expect(toDraftContent(FIELDS, {}, ITEMS, [], { prefillConsent: consent })).toEqual({ items: ITEMS, materials: [], prefillConsent: consent });
  });
});

describe(startingValues.name, () => {
  const draft = { items: ITEMS, applicant: { surname: 'SMITH', passportNo: 'SOMEONE-ELSE', workExperienceYears: 6 }, employment: { annualSalaryCny: 500000 } };

  it('restores a draft over the shared record, never over the verified identity', () => {
    expect(startingValues(FIELDS, { 'applicant.passportNo': 'P123' }, draft)).toEqual({
      'applicant.surname': 'SMITH',
      'applicant.passportNo': 'P123',
      'applicant.workExperienceYears': '6',
      'employment.annualSalaryCny': '500000',
    });
  });

  it('fills nothing from the shared record without a draft: the preview asks first', () => {
    expect(startingValues(FIELDS, {})['employment.annualSalaryCny']).toBe('');
  });
});

describe(attachedOfContent.name, () => {
  it('gives back the documents of the materials this form asks, and drops malformed entries', () => {
    const content = { materials: [{ code: 'PASSPORT', sha256: 'b'.repeat(64), fileName: 'p.pdf', issuedAt: '2026-01-02' }, { code: 'PHOTO', sha256: 'c'.repeat(64) }, { code: 'CV' }, null] };
    expect(attachedOfContent(content, ['PASSPORT', 'CV'])).toEqual({ PASSPORT: { code: 'PASSPORT', sha256: 'b'.repeat(64), fileName: 'p.pdf', issuedAt: '2026-01-02' } });
    expect(attachedOfContent(undefined, ['PASSPORT'])).toEqual({});
  });
});

describe(selectionOfContent.name, () => {
  it('reads the draft’s items', () => {
    expect(selectionOfContent({ items: [...ITEMS, { code: 3 }] })).toEqual(ITEMS);
    expect(selectionOfContent({})).toEqual([]);
  });
});

describe(isDraftConflict.name, () => {
  it('knows a stale save from other refusals', () => {
    expect(isDraftConflict(new ApiError(409, 'draft_version_conflict', 'changed'))).toBe(true);
    expect(isDraftConflict(new ApiError(409, 'draft_limit_reached', 'too many'))).toBe(false);
    expect(isDraftConflict(new Error('x'))).toBe(false);
  });
});

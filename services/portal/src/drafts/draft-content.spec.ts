import { getCatalogue } from '@work-permit/catalogue';
import { caseBodySections, draftContentErrors, etagOf, versionOf } from './draft-content';

const sections = caseBodySections(getCatalogue());

describe(draftContentErrors.name, () => {
  it('takes an empty or partial body', () => {
    expect(draftContentErrors({}, sections, 1024)).toEqual([]);
    expect(draftContentErrors({ items: [{ code: 'WORK_PERMIT', action: 'issue' }], applicant: { surname: 'Smith', birthDate: 'not yet' } }, sections, 1024)).toEqual([]);
  });

  it('names every unknown top-level field and every section of the wrong shape', () => {
    const errors = draftContentErrors({ draftId: 'x', applicant: 'Smith', items: {}, materials: 'none' }, sections, 1024);
    expect(errors.map((e) => e.field).sort()).toEqual(['applicant', 'draftId', 'items', 'materials']);
    expect(errors.find((e) => e.field === 'draftId')?.messages).toEqual({ zh: '未知字段', en: 'unknown field' });
  });

  it('refuses a body that is not an object, and one over the size limit', () => {
    expect(draftContentErrors([], sections, 1024)).toEqual([expect.objectContaining({ field: '' })]);
    const [tooLarge] = draftContentErrors({ applicant: { address: 'x'.repeat(2000) } }, sections, 1024);
    expect(tooLarge.messages?.en).toContain('at most 1024 bytes');
    expect(tooLarge.messages?.zh).toContain('1024字节');
  });

  it('knows the catalogue’s sections beyond the three fixed ones', () => {
    expect([...sections]).toEqual(expect.arrayContaining(['items', 'materials', 'applicant', 'employer', 'employment', 'holdings']));
  });
});

describe(versionOf.name, () => {
  it('reads a strong, weak or bare version and nothing else', () => {
    expect(versionOf('"3"')).toBe(3);
    expect(versionOf('W/"12"')).toBe(12);
    expect(versionOf('4')).toBe(4);
    expect(versionOf(undefined)).toBeUndefined();
    expect(versionOf('*')).toBeUndefined();
    expect(versionOf('"abc"')).toBeUndefined();
    expect(etagOf(5)).toBe('"5"');
  });
});

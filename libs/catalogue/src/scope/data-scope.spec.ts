import { CATALOGUE_2026_1 } from '../data/catalogue-2026-1';
import type { Catalogue } from '../model/catalogue.model';
import { catalogueProblems } from '../registry/catalogue-consistency';
import { DataScope, dataScopeOf, isReleased } from './data-scope';

const catalogue = CATALOGUE_2026_1;

describe(isReleased.name, () => {
  it('releases exact keys and prefixes, and withholds what a ! pattern names', () => {
    const patterns = ['applicant.*', 'materials.*', '!materials.NO_CRIMINAL_RECORD'];
    expect(isReleased(patterns, 'applicant.surname')).toBe(true);
    expect(isReleased(patterns, 'materials.PASSPORT')).toBe(true);
    expect(isReleased(patterns, 'materials.NO_CRIMINAL_RECORD')).toBe(false);
    expect(isReleased(patterns, 'employer.uscc')).toBe(false);
    expect(isReleased([], 'applicant.surname')).toBe(false);
  });
});

describe(dataScopeOf.name, () => {
  it("gives an agency every field and document its own items ask for, and nothing else's", () => {
    const hrss = dataScopeOf(catalogue, 'hrss');

    expect(hrss.releases('applicant.passportNo')).toBe(true);
    expect(hrss.releases('title.series')).toBe(true);
    expect(hrss.releasesMaterial('ACHIEVEMENT_EVIDENCE')).toBe(true);
    // The HR bureau decides insurance, titles and the e-card: never the criminal-record or health check.
    expect(hrss.releasesMaterial('NO_CRIMINAL_RECORD')).toBe(false);
    expect(hrss.releasesMaterial('HEALTH_CERTIFICATE')).toBe(false);
    expect(hrss.releases('talent.recognition')).toBe(false);
    expect(hrss.releases('residence.address')).toBe(false);
  });

  it('gives an agency the outcomes of its items, their prerequisites and steps, and the evidence of a held prerequisite', () => {
    const psb = dataScopeOf(catalogue, 'psb');
    expect(psb.releases('permits.RESIDENCE_PERMIT')).toBe(true);
    expect(psb.releases('permits.WORK_PERMIT')).toBe(true);
    expect(psb.releases('holdings.workPermitNo')).toBe(true);
    expect(psb.releases('permits.PROFESSIONAL_TITLE')).toBe(false);

    const approval = dataScopeOf(catalogue, 'approval');
    expect(approval.releases('permits.TALENT_CATEGORY')).toBe(true);
    expect(approval.releasesMaterial('NO_CRIMINAL_RECORD')).toBe(true);
  });

  it("adds the catalogue's named extras to the derived scope", () => {
    const scitech = dataScopeOf(catalogue, 'scitech');
    expect(scitech.releases('applicant.education')).toBe(true);
    expect(scitech.releasesMaterial('TALENT_CATEGORY_PROOF')).toBe(true);
    expect(scitech.releasesMaterial('HIGHEST_DEGREE')).toBe(true);
    expect(scitech.releases('applicant.passportNo')).toBe(false);
    expect(scitech.releases('applicant.phone')).toBe(false);
  });

  it('widens an agency\'s scope when the catalogue gives it a new item, by data alone', () => {
    const workPermit = catalogue.items.find((item) => item.code === 'WORK_PERMIT')!;
    const widened: Catalogue = { ...catalogue, items: [...catalogue.items, { ...workPermit, code: 'NEW_HRSS_ITEM', agency: 'hrss', prerequisites: [] }] };

    expect(dataScopeOf(catalogue, 'hrss').releasesMaterial('NO_CRIMINAL_RECORD')).toBe(false);
    expect(dataScopeOf(widened, 'hrss').releasesMaterial('NO_CRIMINAL_RECORD')).toBe(true);
  });

  it('gives every agency each field a conditional step reads, so all agree on whether the step runs', () => {
    // A change of talent category runs the Science and Technology Bureau's step (work-permit.item.ts).
    for (const agency of ['approval', 'scitech', 'psb', 'hrss', 'bigdata'] as const) {
      expect(dataScopeOf(catalogue, agency).releases('change.workPermitItem')).toBe(true);
    }
    expect(dataScopeOf(catalogue, 'analyst').releases('change.workPermitItem')).toBe(false);

    const workPermit = catalogue.items.find((item) => item.code === 'WORK_PERMIT')!;
    const conditional: Catalogue = {
      ...catalogue,
      items: catalogue.items.map((item) =>
        item === workPermit
          ? { ...item, actions: item.actions.map((a) => (a.action === 'extend' ? { ...a, steps: [{ code: 'TALENT_CATEGORY', when: [{ field: 'employment.workLocation', equals: '371002' }] }] } : a)) }
          : item,
      ),
    };
    expect(dataScopeOf(catalogue, 'hrss').releases('employment.workLocation')).toBe(false);
    expect(dataScopeOf(conditional, 'hrss').releases('employment.workLocation')).toBe(true);
  });

  it('gives analysts statistics without names, contacts or documents', () => {
    const analyst = dataScopeOf(catalogue, 'analyst');
    expect(analyst.releases('applicant.nationality')).toBe(true);
    expect(analyst.releases('permits.WORK_PERMIT')).toBe(true);
    expect(analyst.releases('applicant.surname')).toBe(false);
    expect(analyst.releases('employer.contactPhone')).toBe(false);
    expect(analyst.releasesMaterial('PASSPORT')).toBe(false);
  });
});

describe(DataScope.name, () => {
  const scope = new DataScope('hrss', ['applicant.surname', 'employment.*', 'materials.PASSPORT']);

  it('keeps only the released fields of a body and drops sections left empty', () => {
    const body = { applicant: { surname: 'SMITH', passportNo: 'E1' }, employer: { uscc: 'x' }, employment: { position: 'engineer' }, items: [], materials: [] };
    expect(scope.filterBody(body)).toEqual({ applicant: { surname: 'SMITH' }, employment: { position: 'engineer' } });
  });

  it('keeps only the released documents', () => {
    expect(scope.filterMaterials([{ code: 'PASSPORT' }, { code: 'NO_CRIMINAL_RECORD' }])).toEqual([{ code: 'PASSPORT' }]);
  });
});

describe('catalogue consistency of the data scopes', () => {
  it('names a scope key that the catalogue does not define', () => {
    const broken: Catalogue = { ...catalogue, dataScopes: { extras: { psb: [{ keys: ['materials.NOPE', 'applicant.shoeSize', 'bad key'], why: { zh: '', en: '' } }] }, analyst: ['permits.NOPE'] } };
    expect(catalogueProblems(broken)).toEqual([
      'dataScopes.extras.psb names the material NOPE, which is not defined',
      'dataScopes.extras.psb names the field applicant.shoeSize, which is not defined',
      'dataScopes.extras.psb has the malformed scope pattern bad key',
      'dataScopes.analyst names the item NOPE, which is not defined',
    ]);
  });
});

describe('dataScopeOf, derived once', () => {
  it('gives the same scope object for the same catalogue and reader, and a new one for another catalogue', () => {
    expect(dataScopeOf(catalogue, 'psb')).toBe(dataScopeOf(catalogue, 'psb'));
    expect(dataScopeOf({ ...catalogue }, 'psb')).not.toBe(dataScopeOf(catalogue, 'psb'));
    expect(dataScopeOf({ ...catalogue }, 'psb').patterns).toEqual(dataScopeOf(catalogue, 'psb').patterns);
  });
});

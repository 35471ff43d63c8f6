import { CATALOGUE_2026_1 } from '@work-permit/catalogue';
import { exampleCaseFacts, scopedFacts } from '../testing';
import { type ComposeContext, composeDocuments, type DecisionDetails } from './agency-document-models';

const TWO = [
  { code: 'WORK_PERMIT', action: 'issue' as const },
  { code: 'RESIDENCE_PERMIT', action: 'issue' as const },
];

function context(agency: ComposeContext['agency']): ComposeContext {
  let next = 0;
  return {
    catalogue: CATALOGUE_2026_1,
    agency,
    facts: scopedFacts(exampleCaseFacts({ items: TWO, caseId: '6f1c2d3e-4a5b-4c6d-8e7f-901234567890' }), agency),
    publicWebUrl: 'https://work.weihai.example/',
    newDocumentNo: (issuedOn) => `${agency.toUpperCase()}-${issuedOn.replace(/-/g, '')}-000000000${(next += 1)}`,
  };
}

const granted = (result: DecisionDetails['result']): DecisionDetails => ({ kind: 'decision', action: 'issue', decision: 'granted', reason: '', decidedAt: '2026-12-06T02:00:00Z', result });

describe(composeDocuments.name, () => {
  it('issues a granted residence permit its decision and its e-permit, whose QR code opens the verification page', () => {
    const documents = composeDocuments('RESIDENCE_PERMIT', granted({ permitNo: 'RP-1', validFrom: '2026-12-06', validTo: '2027-12-05' }), context('psb'));
    expect(documents.map((d) => d.kind)).toEqual(['decision', 'e_permit']);
    const [decision, permit] = documents;
    expect(decision.model.issuer).toEqual(CATALOGUE_2026_1.agencies.find((a) => a.code === 'psb')!.name);
    expect(decision.model.title.zh).toContain(CATALOGUE_2026_1.items.find((i) => i.code === 'RESIDENCE_PERMIT')!.name.zh);
    expect(permit.permit).toEqual({ permitNo: 'RP-1', validFrom: '2026-12-06', validTo: '2027-12-05' });
    expect(permit.model.blocks).toContainEqual(expect.objectContaining({ type: 'qr', url: `https://work.weihai.example/verify/${permit.model.documentNo}` }));
    expect(permit.holderMasked).toMatch(/^[A-Z]{1,3}\*\*\* /);
    expect(permit.dataKeys).toEqual(expect.arrayContaining(['applicant.surname', 'applicant.passportNo', 'permits.RESIDENCE_PERMIT']));
  });

  it('gives a refusal no e-permit, with the catalogue’s time limits for challenging it', () => {
    const documents = composeDocuments('WORK_PERMIT', { ...granted({}), decision: 'rejected', reason: '无犯罪记录证明已过期' }, context('approval'));
    expect(documents.map((d) => d.kind)).toEqual(['decision']);
    const remedies = JSON.stringify(documents[0].model.blocks);
    expect(remedies).toContain(`${CATALOGUE_2026_1.parameters.documents.reconsiderationDays}日内依法申请行政复议`);
    expect(remedies).toContain(`${CATALOGUE_2026_1.parameters.documents.litigationMonths}个月内`);
  });

  it('issues no decision for a step, which is not a decided item', () => {
    expect(composeDocuments('TALENT_CATEGORY', granted({ category: 'A' }), context('scitech'))).toEqual([]);
  });

  it('shows only what the agency holds: science and technology holds no name, so its notice names nobody', () => {
    const [notice] = composeDocuments(
      'TALENT_CATEGORY',
      { kind: 'supplement_notice', action: 'apply', reason: '', requestedOn: '2026-12-06', materials: [{ code: 'HIGHEST_DEGREE', onFile: false }] },
      context('scitech'),
    );
    expect(notice.model.addressee).toBeUndefined();
    expect(notice.holderMasked).toBe('');
    expect(notice.dataKeys).toEqual(['materials.HIGHEST_DEGREE']);
    expect(JSON.stringify(notice.model)).not.toContain('C01X00T47');
  });

  it('asks for each material with why and a deadline from the catalogue', () => {
    const [notice] = composeDocuments(
      'RESIDENCE_PERMIT',
      { kind: 'supplement_notice', action: 'issue', reason: '', requestedOn: '2026-12-06', materials: [{ code: 'PHOTO', onFile: false }, { code: 'HEALTH_CERTIFICATE', onFile: true }] },
      context('psb'),
    );
    const list = notice.model.blocks.find((block) => block.type === 'list');
    expect(list).toMatchObject({ items: [{ zh: expect.stringContaining('未提交') }, { zh: expect.stringContaining('个月内出具') }] });
    const days = CATALOGUE_2026_1.parameters.documents.supplementWithinDays;
    expect(days).toBe(30);
    expect(JSON.stringify(notice.model.blocks)).toContain('2027年1月5日');
  });
});

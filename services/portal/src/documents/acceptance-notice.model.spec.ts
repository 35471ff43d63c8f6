import { CATALOGUE_2026_1 } from '@work-permit/catalogue';
import { acceptanceNoticeDataKeys, acceptanceNoticeInput } from './acceptance-notice.model';

const body = {
  applicant: { surname: 'Smith', givenNames: 'John', nationality: 'DEU', passportNo: 'C01X00T47' },
  employer: { name: '威海蓝海科技有限公司' },
  materials: [
    { code: 'PASSPORT', sha256: 'a'.repeat(64) },
    { code: 'PHOTO', sha256: 'b'.repeat(64) },
  ],
};
const file = { caseId: '6f1c2d3e-4a5b-4c6d-8e7f-901234567890', channel: 'offline' as const, body, submittedAt: new Date('2026-12-05T17:30:00Z') };

describe(acceptanceNoticeInput.name, () => {
  const input = acceptanceNoticeInput(file, [{ code: 'RESIDENCE_PERMIT', action: 'issue' }], CATALOGUE_2026_1);

  it('dates the notice by the day of submission in China', () => {
    expect(input.submittedOn).toBe('2026-12-06');
  });

  it('names each item with its agency and promised time limit from the case’s catalogue', () => {
    const item = CATALOGUE_2026_1.items.find((i) => i.code === 'RESIDENCE_PERMIT')!;
    expect(input.items).toEqual([
      {
        name: item.name,
        action: item.actions.find((a) => a.action === 'issue')!.name,
        agency: CATALOGUE_2026_1.agencies.find((a) => a.code === 'psb')!.name,
        timeLimit: expect.objectContaining({ zh: expect.stringMatching(/^\d+个(工作|自然)日$/) }),
      },
    ]);
  });

  it('lists the materials received and the parties', () => {
    expect(input.materials.map((m) => m.zh)).toHaveLength(2);
    expect(input.applicant).toEqual({ name: 'SMITH John', nationality: 'DEU', passportNo: 'C01X00T47' });
    expect(input.employer).toBe('威海蓝海科技有限公司');
    expect(input.channel).toBe('offline');
  });

  it('says which of the person’s data it shows', () => {
    expect(acceptanceNoticeDataKeys(body)).toEqual(expect.arrayContaining(['applicant.passportNo', 'materials.PASSPORT', 'materials.PHOTO']));
  });
});

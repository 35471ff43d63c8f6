import type { RecordAccessLogRow } from './access-log.entity';
import { accessLogViewOf } from './access-log-view';

const row = (id: number, agency: string): RecordAccessLogRow => ({
  id,
  at: new Date(Date.UTC(2026, 2, 1, 8, id)),
  applicantId: 'ap_1',
  agency,
  subject: `officer-${id}`,
  purpose: 'residence permit review',
  fields: ['applicant.surname', 'permits.WORK_PERMIT'],
  prevHash: '',
  hash: '',
});
const names = new Map([['psb', { zh: '威海市公安局出入境管理支队', en: 'Weihai Public Security Bureau, Exit-Entry Administration' }]]);

describe(accessLogViewOf.name, () => {
  it('explains each read to the person, oldest first, without the reader’s identity', () => {
    const view = accessLogViewOf('ap_1', [row(2, 'bigdata'), row(1, 'psb')], names, { withSubjects: false });
    expect(view).toEqual({
      applicantId: 'ap_1',
      reads: [
        {
          at: '2026-03-01T08:01:00.000Z',
          agency: 'psb',
          agencyName: names.get('psb'),
          fields: ['applicant.surname', 'permits.WORK_PERMIT'],
          purpose: 'residence permit review',
          sentence: '2026年3月1日 16:01，威海市公安局出入境管理支队为“residence permit review”读取了您的姓（与护照一致）和“外国人来华工作许可”的办理结果。',
          sentences: {
            zh: '2026年3月1日 16:01，威海市公安局出入境管理支队为“residence permit review”读取了您的姓（与护照一致）和“外国人来华工作许可”的办理结果。',
            en: 'On 1 March 2026 at 16:01 (China time), the Weihai Public Security Bureau, Exit-Entry Administration read your surname (as in the passport) and the outcome of your “Work permit for foreigners working in China”. The purpose they gave: “residence permit review”.',
          },
        },
        expect.objectContaining({ agency: 'bigdata', agencyName: null }),
      ],
      declined: [],
    });
    expect(view.reads[0]).not.toHaveProperty('subject');
  });

  it('names the reader for an admin', () => {
    expect(accessLogViewOf('ap_1', [row(1, 'psb')], names, { withSubjects: true }).reads[0].subject).toBe('officer-1');
  });

  it('tells each read and each case’s refusals in the language asked for, both beside', () => {
    const refusal = { caseId: 'c2345678-0000', refusedAt: '2026-03-05T06:20:00.000Z', recordVersion: 3, source: 'portal.case.submitted', sourceCaseId: 'c1' };
    const view = accessLogViewOf('ap_1', [row(1, 'psb')], names, { withSubjects: false, lang: 'en', refusals: [{ ...refusal, path: 'applicant.phone' }, { ...refusal, path: 'applicant.email' }] });
    expect(view.reads[0].sentence).toBe(view.reads[0].sentences.en);
    expect(view.declined).toEqual([
      {
        caseId: 'c2345678-0000',
        refusedAt: '2026-03-05T06:20:00.000Z',
        paths: ['applicant.email', 'applicant.phone'],
        sentence: expect.stringContaining('you declined the reuse of your email'),
        sentences: { zh: expect.stringContaining('您提交办件 c2345678 时拒绝了复用共享档案中您的'), en: expect.any(String) },
      },
    ]);
  });
});

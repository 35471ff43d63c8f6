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
        { at: '2026-03-01T08:01:00.000Z', agency: 'psb', agencyName: names.get('psb'), fields: ['applicant.surname', 'permits.WORK_PERMIT'], purpose: 'residence permit review' },
        expect.objectContaining({ agency: 'bigdata', agencyName: null }),
      ],
    });
    expect(view.reads[0]).not.toHaveProperty('subject');
  });

  it('names the reader for an admin', () => {
    expect(accessLogViewOf('ap_1', [row(1, 'psb')], names, { withSubjects: true }).reads[0].subject).toBe('officer-1');
  });
});

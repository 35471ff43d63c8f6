import type { AccessLogView } from '../../api/types';
import { accessLogLines } from './access-log-model';

const view: AccessLogView = {
  applicantId: 'ap_1',
  reads: [
    { at: '2026-03-01T02:00:00.000Z', agency: 'psb', agencyName: null, fields: ['applicant.passportNo'], purpose: '审批居留许可', sentence: '早', sentences: { zh: '早', en: 'earlier' } },
    { at: '2026-03-02T02:15:00.000Z', agency: 'hrss', agencyName: null, fields: [], purpose: 'x', sentence: '晚', sentences: { zh: '晚', en: 'later' } },
  ],
  declined: [{ caseId: 'c1', refusedAt: '2026-03-01T06:00:00.000Z', paths: ['applicant.phone'], sentence: '您拒绝了复用', sentences: { zh: '您拒绝了复用', en: 'you declined' } }],
};

describe(accessLogLines.name, () => {
  it('tells the newest read first, in the language toggled', () => {
    expect(accessLogLines(view, 'zh').reads.map((line) => line.sentence)).toEqual(['晚', '早']);
    expect(accessLogLines(view, 'en').reads.map((line) => line.sentence)).toEqual(['later', 'earlier']);
  });

  it('lists the reuses declined with the case they were declined in', () => {
    expect(accessLogLines(view, 'en').declined).toEqual([{ key: 'declined-c1', at: '2026-03-01T06:00:00.000Z', sentence: 'you declined', caseId: 'c1' }]);
  });

  it('shows nothing before the log has loaded', () => {
    expect(accessLogLines(undefined, 'zh')).toEqual({ reads: [], declined: [] });
  });
});

import { message, officerReason } from '@work-permit/catalogue';
import type { CaseFile } from '../case-file.entity';
import type { CaseItem } from '../case-item.entity';
import { toCaseView } from './case-view';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe(toCaseView.name, () => {
  const file = {
    caseId: 'c0ffee00-0000-4000-8000-000000000000',
    status: 'in_progress',
    channel: 'online',
    catalogueVersion: '2026.1',
    submittedAt: new Date('2026-11-29T08:00:00Z'),
    body: {
      materials: [
        { code: 'PASSPORT', sha256: A, fileName: 'passport.pdf', issuedAt: '2026-01-10' },
        // appended by a supplement
        { code: 'PHOTO', sha256: B, fileName: 'photo.jpg', issuedAt: '2026-11-25' },
      ],
    },
  } as unknown as CaseFile;

  it('lists the case’s documents, supplements included, with the type and size of each upload', () => {
    const view = toCaseView(file, [], [], { uploads: new Map([[A, { contentType: 'application/pdf', size: 1234 }]]) });
    expect(view.materials).toEqual([
      { code: 'PASSPORT', sha256: A, fileName: 'passport.pdf', issuedAt: '2026-01-10', contentType: 'application/pdf', size: 1234 },
      { code: 'PHOTO', sha256: B, fileName: 'photo.jpg', issuedAt: '2026-11-25' },
    ]);
  });

  it('lists none for a body without materials', () => {
    expect(toCaseView({ ...file, body: {} } as CaseFile, [], []).materials).toEqual([]);
  });

  it('lists only the documents it is given to show', () => {
    expect(toCaseView(file, [], [], { materials: [] }).materials).toEqual([]);
  });

  it('names the clerk who accepted a window case, only when asked to and only for an offline case', () => {
    const offline = { ...file, channel: 'offline', submittedBySubject: 'clerk-7', submittedByRole: 'clerk' } as CaseFile;
    expect(toCaseView(offline, [], [], { showAcceptedBy: true }).acceptedBy).toEqual({ subject: 'clerk-7', role: 'clerk' });
    expect(toCaseView(offline, [], []).acceptedBy).toBeUndefined();
    expect(toCaseView({ ...file, submittedBySubject: 'a-1', submittedByRole: 'applicant' } as CaseFile, [], [], { showAcceptedBy: true }).acceptedBy).toBeUndefined();
  });

  describe('reasons', () => {
    const item = (fields: Partial<CaseItem>) =>
      ({ code: 'WORK_PERMIT', action: 'issue', agency: 'approval', status: 'rejected', dueDate: null, reason: null, reasonMessage: null, result: null, requestedMaterials: [], ...fields }) as CaseItem;
    const terminated = message('review.terminated', { item: 'WORK_PERMIT', status: 'rejected', reason: officerReason('合同期限不足') });

    it('shows an item’s reason in the reader’s language, Chinese by default, and in both beside it', () => {
      const items = [item({ status: 'terminated', reason: '… / …', reasonMessage: terminated })];
      const zh = toCaseView(file, items, []).items[0];
      expect(zh.reason).toBe('前置事项外国人来华工作许可未予批准：合同期限不足');
      expect(zh.reasons).toEqual({ zh: '前置事项外国人来华工作许可未予批准：合同期限不足', en: 'Work permit for foreigners working in China was rejected: 合同期限不足' });
      expect(toCaseView(file, items, [], { lang: 'en' }).items[0].reason).toBe('Work permit for foreigners working in China was rejected: 合同期限不足');
    });

    it('shows the text as written for a row from before the messages, and none when there is none', () => {
      expect(toCaseView(file, [item({ reason: '年龄超过60周岁 / age over 60' })], [], { lang: 'en' }).items[0]).toMatchObject({
        reason: '年龄超过60周岁 / age over 60',
        reasons: { zh: '年龄超过60周岁 / age over 60', en: '年龄超过60周岁 / age over 60' },
      });
      expect(toCaseView(file, [item({ status: 'in_review' })], []).items[0]).toMatchObject({ reason: null, reasons: null });
    });

    it('shows a cancelled permit’s reason in the reader’s language and keeps the stored message inside', () => {
      const cancellation = message('cancellation.joint_review_rejected', { reason: officerReason('护照入境章可疑') });
      const granted = item({ status: 'granted', result: { permitNo: 'WP-1', cancelledOn: '2026-12-06', cancellationReason: '… / …', cancellationReasonMessage: cancellation } });
      const result = toCaseView(file, [granted], [], { lang: 'en' }).items[0].result;
      expect(result).toEqual({
        permitNo: 'WP-1',
        cancelledOn: '2026-12-06',
        cancellationReason: 'The joint review rejected the case: 护照入境章可疑; the work permit is cancelled.',
        cancellationReasons: { zh: expect.stringMatching(/^联合研判未予通过：护照入境章可疑/), en: 'The joint review rejected the case: 护照入境章可疑; the work permit is cancelled.' },
      });
      expect(toCaseView(file, [item({ status: 'granted', result: { permitNo: 'WP-1' } })], []).items[0].result).toEqual({ permitNo: 'WP-1' });
    });
  });
});

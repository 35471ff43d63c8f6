import { declinedSentences, factWords, readSentence, toldInOrder } from './access-log-sentence';

const psb = { zh: '威海市公安局出入境管理支队', en: 'Weihai Public Security Bureau, Exit-Entry Administration' };

describe(readSentence.name, () => {
  it('tells who read which facts, when in China and why, Chinese first', () => {
    // 02:15 UTC is 10:15 in China.
    const sentence = readSentence({ at: '2026-03-02T02:15:00.000Z', agency: 'psb', fields: ['applicant.nationality', 'applicant.passportNo'], purpose: '审批居留许可' }, psb);
    expect(sentence).toEqual({
      zh: '2026年3月2日 10:15，威海市公安局出入境管理支队为审批居留许可读取了您的国籍和护照号码。',
      en: 'On 2 March 2026 at 10:15 (China time), the Weihai Public Security Bureau, Exit-Entry Administration read your nationality and your passport number. The purpose they gave: “审批居留许可”.',
    });
  });

  it('counts the day in China: 23:30 UTC is the next morning there', () => {
    expect(readSentence({ at: '2026-12-31T23:30:00.000Z', agency: 'psb', fields: ['applicant.surname'], purpose: 'x' }, psb).zh).toMatch(/^2027年1月1日 07:30，/);
  });

  it('names documents and outcomes in words, and lists three or more as each language does', () => {
    const sentence = readSentence({ at: '2026-03-02T02:15:00.000Z', agency: 'approval', fields: ['permits.WORK_PERMIT', 'materials.PASSPORT', 'applicant.surname'], purpose: 'work permit review' }, {
      zh: '威海市行政审批服务局',
      en: 'Weihai Administrative Approval Service Bureau',
    });
    expect(sentence.zh).toBe('2026年3月2日 10:15，威海市行政审批服务局为“work permit review”读取了您的姓（与护照一致）、“护照（信息页）”材料和“外国人来华工作许可”的办理结果。');
    expect(sentence.en).toContain('read your surname (as in the passport), your document “');
    expect(sentence.en).toContain('” and the outcome of your “Work permit for foreigners working in China”.');
    expect(`${sentence.zh}${sentence.en}`).not.toMatch(/applicant\.|materials\.|permits\./);
  });

  it('says so when a read released nothing, and shows an agency it does not know by its code', () => {
    const sentence = readSentence({ at: '2026-03-02T02:15:00.000Z', agency: 'customs', fields: [], purpose: '核查' }, null);
    expect(sentence.zh).toBe('2026年3月2日 10:15，customs为核查查阅了您的记录，但未获得其中任何信息。');
    expect(sentence.en).toContain('the customs opened your record but was shown none of it');
  });
});

describe(factWords.name, () => {
  it('puts a key of the record into words, never its path', () => {
    expect(factWords('applicant.phone')).toEqual({ zh: '手机号码', en: 'your mobile phone' });
    expect(factWords('permits.RESIDENCE_PERMIT').zh).toMatch(/^“.+”的办理结果$/);
    expect(factWords('materials.PHOTO').en).toMatch(/^your document “.+”$/);
    expect(factWords('no.such')).toEqual({ zh: 'no.such', en: 'your no.such' });
  });
});

describe(toldInOrder.name, () => {
  it('tells fields in the form’s order, then documents, then outcomes, each once', () => {
    expect(toldInOrder(['permits.WORK_PERMIT', 'materials.PHOTO', 'applicant.passportNo', 'applicant.surname', 'applicant.surname'])).toEqual([
      'applicant.surname',
      'applicant.passportNo',
      'materials.PHOTO',
      'permits.WORK_PERMIT',
    ]);
  });
});

describe(declinedSentences.name, () => {
  const refusal = (caseId: string, path: string, refusedAt: string) => ({ caseId, path, refusedAt, recordVersion: 2, source: 'portal.case.submitted', sourceCaseId: 'c0' });

  it('tells the reuses declined in each case in one sentence, oldest case first', () => {
    const told = declinedSentences([
      refusal('bbbbbbbb-2', 'applicant.email', '2026-04-01T01:00:00.000Z'),
      refusal('aaaaaaaa-1', 'applicant.phone', '2026-03-05T06:20:00.000Z'),
      refusal('bbbbbbbb-2', 'applicant.surname', '2026-04-01T01:00:00.000Z'),
    ]);
    expect(told.map(({ caseId, paths }) => ({ caseId, paths }))).toEqual([
      { caseId: 'aaaaaaaa-1', paths: ['applicant.phone'] },
      { caseId: 'bbbbbbbb-2', paths: ['applicant.surname', 'applicant.email'] },
    ]);
    expect(told[0].sentence).toEqual({
      zh: '2026年3月5日 14:20，您提交办件 aaaaaaaa 时拒绝了复用共享档案中您的手机号码，并在申请表中重新填写。',
      en: 'On 5 March 2026 at 14:20 (China time), when submitting case aaaaaaaa, you declined the reuse of your mobile phone from the shared record and entered it again in the form.',
    });
    expect(told[1].sentence.zh).toContain('您的姓（与护照一致）和电子邮箱');
  });
});

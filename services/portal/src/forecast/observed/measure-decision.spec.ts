import { getCatalogue } from '@work-permit/catalogue';
import type { TimelineEntryType } from '../../cases/case-timeline-entry.entity';
import { measureDecision } from './measure-decision';

// Instants in UTC; the days are China's (UTC+8). The 2026 calendar: National Day 10-01..10-07 off,
// Saturday 10-10 worked; Spring Festival 02-15..02-23 off, Saturdays 02-14 and 02-28 worked.
const at = (iso: string) => new Date(iso);
const entry = (iso: string, type: TimelineEntryType, item: string | null) => ({ at: at(iso), type, item });
const catalogue = getCatalogue();

describe(measureDecision.name, () => {
  it('counts an item without a prerequisite in the case from the day of submission, across National Day', () => {
    const measured = measureDecision(
      { catalogue, submittedAt: at('2026-09-28T01:00:00Z'), items: ['WORK_PERMIT'], timeline: [entry('2026-09-28T01:00:00Z', 'submitted', null), entry('2026-10-08T02:00:00Z', 'decided', 'WORK_PERMIT')] },
      'WORK_PERMIT',
      at('2026-10-08T02:00:00Z'),
    );
    // 09-29 (1), 09-30 (2), [10-01..10-07 off], 10-08 (3).
    expect(measured).toEqual({ decidedOn: '2026-10-08', workingDays: 3 });
  });

  it('starts a dependant’s clock on the day its prerequisite in the case was decided, and takes the decision day in China', () => {
    const measured = measureDecision(
      {
        catalogue,
        submittedAt: at('2026-02-09T01:00:00Z'),
        items: ['WORK_PERMIT', 'RESIDENCE_PERMIT'],
        timeline: [entry('2026-02-13T03:00:00Z', 'decided', 'WORK_PERMIT'), entry('2026-02-13T03:00:01Z', 'review_started', 'RESIDENCE_PERMIT')],
      },
      'RESIDENCE_PERMIT',
      // 2026-02-26T17:00Z is already Friday 02-27 in Weihai.
      at('2026-02-26T17:00:00Z'),
    );
    // From Friday 02-13: Sat 02-14 (1, worked), [02-15..02-23 off], 02-24..02-27 (2-5).
    expect(measured).toEqual({ decidedOn: '2026-02-27', workingDays: 5 });
  });

  it('leaves out the days a supplement held the clock, an answered one and one still open at the decision', () => {
    const timeline = [
      entry('2026-09-28T02:00:00Z', 'supplement_requested', 'WORK_PERMIT'),
      entry('2026-10-09T02:00:00Z', 'supplemented', 'WORK_PERMIT'),
      entry('2026-10-13T02:00:00Z', 'supplement_requested', 'WORK_PERMIT'),
      // Another item's request holds nothing here.
      entry('2026-10-12T02:00:00Z', 'supplement_requested', 'RESIDENCE_PERMIT'),
    ];
    const measured = measureDecision({ catalogue, submittedAt: at('2026-09-28T01:00:00Z'), items: ['WORK_PERMIT', 'RESIDENCE_PERMIT'], timeline }, 'WORK_PERMIT', at('2026-10-20T02:00:00Z'));
    // Held 09-29..10-09; then Sat 10-10 (1), 10-12 (2), 10-13 (3, the second request's day still counts); held again to the decision.
    expect(measured).toEqual({ decidedOn: '2026-10-20', workingDays: 3 });
  });

  it('observes nothing of an item that went to joint review, or whose prerequisite’s decision has not arrived', () => {
    const submittedAt = at('2026-09-28T01:00:00Z');
    expect(measureDecision({ catalogue, submittedAt, items: ['WORK_PERMIT'], timeline: [entry('2026-09-29T01:00:00Z', 'joint_review_opened', 'WORK_PERMIT')] }, 'WORK_PERMIT', at('2026-10-12T01:00:00Z'))).toBe(
      'joint_review',
    );
    expect(measureDecision({ catalogue, submittedAt, items: ['WORK_PERMIT', 'RESIDENCE_PERMIT'], timeline: [] }, 'RESIDENCE_PERMIT', at('2026-10-12T01:00:00Z'))).toBe('prerequisite_decision_unseen');
    // A year before the holiday calendar: no measurement rather than a failed decision event.
    expect(measureDecision({ catalogue, submittedAt: at('1999-03-01T01:00:00Z'), items: ['WORK_PERMIT'], timeline: [] }, 'WORK_PERMIT', at('1999-03-05T01:00:00Z'))).toBe('outside_calendar');
    // A held permit (the prerequisite not chosen in this case) starts nothing: the clock runs from submission.
    expect(measureDecision({ catalogue, submittedAt, items: ['RESIDENCE_PERMIT'], timeline: [] }, 'RESIDENCE_PERMIT', at('2026-09-30T01:00:00Z'))).toEqual({ decidedOn: '2026-09-30', workingDays: 2 });
  });
});

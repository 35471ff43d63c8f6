import { isOverdue } from './item-view';

describe(isOverdue.name, () => {
  const today = '2026-12-08';

  it('is overdue from the day after the due date, in China', () => {
    expect(isOverdue({ status: 'in_review', dueDate: '2026-12-07' }, { today, overdueAnnounced: false })).toBe(true);
    expect(isOverdue({ status: 'in_review', dueDate: '2026-12-08' }, { today, overdueAnnounced: false })).toBe(false);
  });

  it('is never overdue once final', () => {
    expect(isOverdue({ status: 'granted', dueDate: '2026-12-01' }, { today, overdueAnnounced: true })).toBe(false);
  });

  it('stays overdue once announced, and is not overdue without a due date otherwise (clock paused)', () => {
    expect(isOverdue({ status: 'awaiting_supplement', dueDate: null }, { today, overdueAnnounced: true })).toBe(true);
    expect(isOverdue({ status: 'awaiting_supplement', dueDate: null }, { today, overdueAnnounced: false })).toBe(false);
  });
});

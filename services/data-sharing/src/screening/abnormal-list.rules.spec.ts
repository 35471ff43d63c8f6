import { localize } from '@work-permit/catalogue';
import { entryStatus, expiryProblem, isActive, maySeeEntry } from './abnormal-list.rules';

describe(entryStatus.name, () => {
  const today = '2026-03-10';

  it('is active until the end of its expiry day, then expired', () => {
    expect(entryStatus({ liftedAt: null, expiresOn: null }, today)).toBe('active');
    expect(entryStatus({ liftedAt: null, expiresOn: '2026-03-10' }, today)).toBe('active');
    expect(entryStatus({ liftedAt: null, expiresOn: '2026-03-09' }, today)).toBe('expired');
  });

  it('is lifted once lifted, expired or not', () => {
    expect(entryStatus({ liftedAt: new Date('2026-03-01T00:00:00Z'), expiresOn: null }, today)).toBe('lifted');
    expect(entryStatus({ liftedAt: new Date('2026-03-01T00:00:00Z'), expiresOn: '2026-01-01' }, today)).toBe('lifted');
  });

  it('lets only active entries match', () => {
    expect(isActive({ liftedAt: null, expiresOn: '2026-12-31' }, today)).toBe(true);
    expect(isActive({ liftedAt: null, expiresOn: '2026-01-01' }, today)).toBe(false);
  });
});

describe(maySeeEntry.name, () => {
  it('shows the Big Data Bureau every entry and another agency only its own reports', () => {
    expect(maySeeEntry('bigdata', { source: 'psb' })).toBe(true);
    expect(maySeeEntry('psb', { source: 'psb' })).toBe(true);
    expect(maySeeEntry('hrss', { source: 'psb' })).toBe(false);
    expect(maySeeEntry(undefined, { source: 'psb' })).toBe(false);
  });
});

describe(expiryProblem.name, () => {
  it('refuses an expiry in the past and takes today or later', () => {
    expect(localize(expiryProblem('2026-03-09', '2026-03-10')!)).toEqual({ zh: '不得早于今天（中国时间2026-03-10）', en: 'must not be in the past (today is 2026-03-10 in China)' });
    expect(expiryProblem('2026-03-10', '2026-03-10')).toBeUndefined();
    expect(expiryProblem(undefined, '2026-03-10')).toBeUndefined();
  });
});

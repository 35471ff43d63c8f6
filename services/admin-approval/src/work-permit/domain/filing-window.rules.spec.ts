import { getCatalogue } from '@work-permit/catalogue';
import { addCalendarDays } from '@work-permit/workdays';
import { checkChange, checkExtension, checkHeldPermitInForce } from './filing-window.rules';
import { WorkPermitErrorCode } from './work-permit.exception';

const parameters = getCatalogue().parameters;
const today = '2026-03-02';
const expiringIn = (days: number) => addCalendarDays(today, days);
const occurredAgo = (days: number) => addCalendarDays(today, -days);

describe(checkExtension.name, () => {
  it('refuses an extension 29 days before expiry as too late', () => {
    expect(checkExtension(expiringIn(29), parameters, { today })).toMatchObject({ allowed: false, reason: 'too_late', daysBeforeExpiry: 29 });
  });

  it('allows an extension 30 days before expiry', () => {
    expect(checkExtension(expiringIn(30), parameters, { today })).toEqual({ allowed: true, daysBeforeExpiry: 30 });
  });

  it('allows an extension 90 days before expiry', () => {
    expect(checkExtension(expiringIn(90), parameters, { today })).toEqual({ allowed: true, daysBeforeExpiry: 90 });
  });

  it('refuses an extension 91 days before expiry as too early', () => {
    expect(checkExtension(expiringIn(91), parameters, { today })).toMatchObject({ allowed: false, reason: 'too_early', daysBeforeExpiry: 91 });
  });

  it('refuses to extend an expired permit, pointing to a new application', () => {
    expect(checkExtension(expiringIn(-1), parameters, { today })).toMatchObject({ allowed: false, reason: 'expired', message: expect.stringContaining('apply for a new one') });
  });

  it('reads the window from the parameters', () => {
    const wider = { ...parameters, workPermit: { ...parameters.workPermit, extensionWindowDays: { min: 20, max: 90 } } };
    expect(checkExtension(expiringIn(29), wider, { today }).allowed).toBe(true);
  });

  it('refuses a date that is not a real YYYY-MM-DD date', () => {
    expect(() => checkExtension('2026-02-30', parameters, { today })).toThrow(expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate }));
  });
});

describe(checkChange.name, () => {
  it('allows a change filed on the day it occurred', () => {
    expect(checkChange(today, parameters, { today })).toEqual({ allowed: true, daysSinceChange: 0 });
  });

  it('allows a change filed 10 days after it occurred', () => {
    expect(checkChange(occurredAgo(10), parameters, { today })).toEqual({ allowed: true, daysSinceChange: 10 });
  });

  it('refuses a change filed 11 days after it occurred', () => {
    expect(checkChange(occurredAgo(11), parameters, { today })).toMatchObject({ allowed: false, reason: 'too_late', daysSinceChange: 11 });
  });

  it('refuses a change dated after today', () => {
    expect(checkChange(occurredAgo(-1), parameters, { today })).toMatchObject({ allowed: false, reason: 'not_yet_occurred' });
  });

  it('reads the window from the parameters', () => {
    const longer = { ...parameters, workPermit: { ...parameters.workPermit, changeWindowDays: 15 } };
    expect(checkChange(occurredAgo(11), longer, { today }).allowed).toBe(true);
  });
});

describe(checkHeldPermitInForce.name, () => {
  it('accepts a permit on its last day', () => {
    expect(checkHeldPermitInForce(today, { today })).toEqual({ inForce: true });
  });

  it('refuses a permit that expired yesterday, pointing to a new application', () => {
    expect(checkHeldPermitInForce(occurredAgo(1), { today })).toMatchObject({ inForce: false, message: expect.stringContaining('apply for a new one') });
  });

  it('refuses a date that is not a real YYYY-MM-DD date', () => {
    expect(() => checkHeldPermitInForce('2026-13-01', { today })).toThrow(expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate }));
  });
});

import { getCatalogue, localize, message } from '@work-permit/catalogue';
import { addCalendarDays } from '@work-permit/workdays';
import { checkChange, checkExtension, checkHeldPermitInForce } from './filing-window.rules';
import { WorkPermitErrorCode } from './work-permit.exception';

const parameters = getCatalogue().parameters;
const today = '2026-03-02';
const expiringIn = (days: number) => addCalendarDays(today, days);
const occurredAgo = (days: number) => addCalendarDays(today, -days);

describe(checkExtension.name, () => {
  it('refuses an extension 29 days before expiry as too late', () => {
    const check = checkExtension(expiringIn(29), parameters, { today });
    expect(check).toEqual({
      allowed: false,
      reason: 'too_late',
      daysBeforeExpiry: 29,
      message: message('work_permit.extension_window.too_late', { validTo: '2026-03-31', days: 29, min: 30, max: 90 }),
    });
    expect(!check.allowed && localize(check.message)).toEqual({
      zh: '延期应在工作许可到期前90日至30日之间申请；该许可于2026-03-31到期，距今仅29日。',
      en: 'An extension may be filed from 90 to 30 days before the permit expires; it expires on 2026-03-31, only 29 days from today.',
    });
  });

  it('allows an extension 30 days before expiry', () => {
    expect(checkExtension(expiringIn(30), parameters, { today })).toEqual({ allowed: true, daysBeforeExpiry: 30 });
  });

  it('allows an extension 90 days before expiry', () => {
    expect(checkExtension(expiringIn(90), parameters, { today })).toEqual({ allowed: true, daysBeforeExpiry: 90 });
  });

  it('refuses an extension 91 days before expiry as too early', () => {
    const check = checkExtension(expiringIn(91), parameters, { today });
    expect(check).toMatchObject({ allowed: false, reason: 'too_early', daysBeforeExpiry: 91, message: { code: 'work_permit.extension_window.too_early' } });
    expect(!check.allowed && localize(check.message)).toEqual({
      zh: '延期应在工作许可到期前90日至30日之间申请；该许可于2026-06-01到期，距今91日，请于到期前90日起再申请。',
      en: 'An extension may be filed from 90 to 30 days before the permit expires; it expires on 2026-06-01, 91 days from today. File again from 90 days before.',
    });
  });

  it('refuses to extend an expired permit, pointing to a new application', () => {
    const check = checkExtension(expiringIn(-1), parameters, { today });
    expect(check).toMatchObject({ allowed: false, reason: 'expired', message: message('work_permit.extension_window.expired', { validTo: '2026-03-01' }) });
    expect(!check.allowed && localize(check.message)).toEqual({
      zh: '工作许可已于2026-03-01到期，不能延期，请重新申请。',
      en: 'The permit expired on 2026-03-01; an expired permit cannot be extended, apply for a new one.',
    });
  });

  it('states an open-ended window without a latest start', () => {
    const openEnded = { ...parameters, workPermit: { ...parameters.workPermit, extensionWindowDays: { min: 30 } } };
    expect(checkExtension(expiringIn(400), openEnded, { today }).allowed).toBe(true);
    const check = checkExtension(expiringIn(10), openEnded, { today });
    expect(!check.allowed && localize(check.message).zh).toBe('延期应至迟在工作许可到期前30日申请；该许可于2026-03-12到期，距今仅10日。');
    expect(!check.allowed && localize(check.message).en).toContain('An extension may be filed up to 30 days before the permit expires');
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
    const check = checkChange(occurredAgo(11), parameters, { today });
    expect(check).toEqual({
      allowed: false,
      reason: 'too_late',
      daysSinceChange: 11,
      message: message('work_permit.change_window.too_late', { maxDays: 10, occurredOn: '2026-02-19', days: 11 }),
    });
    expect(!check.allowed && localize(check.message)).toEqual({
      zh: '变更应在10日内申请；本次变更发生于2026-02-19，已过11日。',
      en: 'A change must be filed within 10 days; this one occurred on 2026-02-19, 11 days ago.',
    });
  });

  it('refuses a change dated after today', () => {
    const check = checkChange(occurredAgo(-1), parameters, { today });
    expect(check).toMatchObject({ allowed: false, reason: 'not_yet_occurred', message: message('work_permit.change_window.not_yet', { occurredOn: '2026-03-03' }) });
    expect(!check.allowed && localize(check.message).zh).toBe('变更日期2026-03-03晚于今日；请在变更发生后申请。');
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
    const check = checkHeldPermitInForce(occurredAgo(1), { today });
    expect(check).toEqual({ inForce: false, message: message('work_permit.held_permit.expired', { validTo: '2026-03-01' }) });
    expect(!check.inForce && localize(check.message)).toEqual({
      zh: '所持工作许可已于2026-03-01到期；过期的许可不能变更，请重新申请。',
      en: 'The work permit held expired on 2026-03-01; an expired permit cannot be changed, apply for a new one.',
    });
  });

  it('refuses a date that is not a real YYYY-MM-DD date', () => {
    expect(() => checkHeldPermitInForce('2026-13-01', { today })).toThrow(expect.objectContaining({ code: WorkPermitErrorCode.InvalidDate }));
  });
});

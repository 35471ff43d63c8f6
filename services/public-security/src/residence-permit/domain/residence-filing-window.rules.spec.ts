import { getCatalogue, localize } from '@work-permit/catalogue';
import { checkChange, checkExtension } from './residence-filing-window.rules';
import type { ResidencePermitFinding } from './residence-permit-finding.model';

const parameters = getCatalogue().parameters;
const TODAY = '2026-03-02';
/** A finding as its readers see it: the message in Chinese and in English. */
const read = (finding: ResidencePermitFinding) => ({ ...finding, message: localize(finding.message) });

describe(checkExtension.name, () => {
  it.each([
    ['2026-04-01', 30],
    ['2026-05-31', 90],
    ['2028-03-01', 730],
  ])('accepts an extension of a permit expiring on %s, %i days ahead (Art. 32 sets no earliest day)', (validTo) => {
    expect(checkExtension(validTo, parameters, { today: TODAY })).toMatchObject({ rule: 'extension_window', passed: true });
  });

  it('refuses an extension filed 29 days before expiry, in both languages', () => {
    const finding = checkExtension('2026-03-31', parameters, { today: TODAY });
    expect(finding).toEqual({ rule: 'extension_window', passed: false, message: { code: 'residence_permit.extension_window.outside', params: { validTo: '2026-03-31', days: 29, min: 30 } } });
    expect(read(finding).message).toEqual({
      zh: '于居留许可2026-03-31到期前29日申请，不在申请期限内：延期应至迟在有效期届满前30日申请。',
      en: 'Filed 29 days before the residence permit expires on 2026-03-31, outside the window: an extension is filed at least 30 days before expiry.',
    });
  });

  it('keeps an opening the catalogue sets', () => {
    const opening = { ...parameters, residencePermit: { ...parameters.residencePermit, extensionWindowDays: { min: 30, max: 90 } } };
    expect(read(checkExtension('2026-06-01', opening, { today: TODAY }))).toMatchObject({
      passed: false,
      message: { zh: expect.stringContaining('延期应在有效期届满前90日至30日之间申请'), en: expect.stringContaining('90 to 30 days before expiry') },
    });
    expect(checkExtension('2026-05-31', opening, { today: TODAY })).toMatchObject({ passed: true });
  });

  it('refuses an extension of a permit that has expired', () => {
    expect(read(checkExtension('2026-02-20', parameters, { today: TODAY }))).toMatchObject({
      passed: false,
      message: { zh: '居留许可已于2026-02-20到期，申请时已过10日；延期应至迟在有效期届满前30日申请。', en: expect.stringContaining('expired on 2026-02-20, 10 days before filing') },
    });
  });
});

describe(checkChange.name, () => {
  it('accepts a change filed 10 days after it occurred', () => {
    expect(checkChange('2026-02-20', parameters, { today: TODAY })).toMatchObject({ rule: 'change_window', passed: true });
  });

  it('refuses a change filed 11 days after it occurred', () => {
    expect(read(checkChange('2026-02-19', parameters, { today: TODAY }))).toEqual({
      rule: 'change_window',
      passed: false,
      message: { zh: '于2026-02-19发生变更后11日申请；变更应在10日内申请。', en: 'Filed 11 days after the change on 2026-02-19; a change is filed within 10 days.' },
    });
  });

  it('refuses a change dated after the filing day', () => {
    expect(read(checkChange('2026-03-03', parameters, { today: TODAY }))).toMatchObject({
      passed: false,
      message: { zh: expect.stringContaining('晚于申请日期2026-03-02'), en: expect.stringContaining('after the filing date') },
    });
  });
});

import { getCatalogue } from '@work-permit/catalogue';
import { checkChange, checkExtension } from './residence-filing-window.rules';

const parameters = getCatalogue().parameters;
const TODAY = '2026-03-02';

describe(checkExtension.name, () => {
  it.each([
    ['2026-04-01', 30],
    ['2026-05-31', 90],
    ['2028-03-01', 730],
  ])('accepts an extension of a permit expiring on %s, %i days ahead (Art. 32 sets no earliest day)', (validTo) => {
    expect(checkExtension(validTo, parameters, { today: TODAY })).toMatchObject({ rule: 'extension_window', passed: true });
  });

  it('refuses an extension filed 29 days before expiry, in both languages', () => {
    expect(checkExtension('2026-03-31', parameters, { today: TODAY })).toEqual({
      rule: 'extension_window',
      passed: false,
      message:
        '于居留许可2026-03-31到期前29日申请，不在申请期限内：延期应至迟在有效期届满前30日申请 / Filed 29 days before the residence permit expires on 2026-03-31, outside the window: an extension is filed at least 30 days before expiry.',
    });
  });

  it('keeps an opening the catalogue sets', () => {
    const opening = { ...parameters, residencePermit: { ...parameters.residencePermit, extensionWindowDays: { min: 30, max: 90 } } };
    expect(checkExtension('2026-06-01', opening, { today: TODAY })).toMatchObject({ passed: false, message: expect.stringContaining('90 to 30 days before expiry') });
    expect(checkExtension('2026-05-31', opening, { today: TODAY })).toMatchObject({ passed: true });
  });

  it('refuses an extension of a permit that has expired', () => {
    expect(checkExtension('2026-02-20', parameters, { today: TODAY })).toMatchObject({ passed: false, message: expect.stringContaining('expired on 2026-02-20') });
  });
});

describe(checkChange.name, () => {
  it('accepts a change filed 10 days after it occurred', () => {
    expect(checkChange('2026-02-20', parameters, { today: TODAY })).toMatchObject({ rule: 'change_window', passed: true });
  });

  it('refuses a change filed 11 days after it occurred', () => {
    expect(checkChange('2026-02-19', parameters, { today: TODAY })).toEqual({
      rule: 'change_window',
      passed: false,
      message: 'Filed 11 days after the change on 2026-02-19; a change is filed within 10 days.',
    });
  });

  it('refuses a change dated after the filing day', () => {
    expect(checkChange('2026-03-03', parameters, { today: TODAY })).toMatchObject({ passed: false, message: expect.stringContaining('after the filing date') });
  });
});

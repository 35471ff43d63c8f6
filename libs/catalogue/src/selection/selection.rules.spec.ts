import type { Catalogue, ItemSelection } from '../model/catalogue.model';
import { getCatalogue } from '../registry/catalogue.registry';
import { TODAY } from '../testing/example-body';
import { checkSelection } from './selection.rules';

const catalogue = getCatalogue();
const check = (selection: ItemSelection[], body: Record<string, unknown>, on: Catalogue = catalogue) => checkSelection(on, selection, body, { today: TODAY });

const RESIDENCE: ItemSelection[] = [{ code: 'RESIDENCE_PERMIT', action: 'issue' }];
const held = (workPermitNo: unknown, workPermitValidTo: unknown) => ({ holdings: { workPermitNo, workPermitValidTo } });
const extension = (code: string, expiryField: string, validTo: string) => check([{ code, action: 'extend' }], { holdings: { [expiryField]: validTo } });
const change = (code: string, occurredOn: string) => check([{ code, action: 'change' }], { change: { occurredOn } });

describe(checkSelection.name, () => {
  describe('prerequisites', () => {
    it('refuses the residence permit alone without a held work permit, naming WORK_PERMIT', () => {
      expect(check(RESIDENCE, {})).toEqual([
        {
          item: 'RESIDENCE_PERMIT',
          code: 'prerequisite_missing',
          message: {
            zh: expect.stringContaining('WORK_PERMIT'),
            en: 'Residence permit for foreigners (RESIDENCE_PERMIT) needs the Work permit for foreigners working in China (WORK_PERMIT): choose it in this application too, or give the "Number of the work permit held" and "Work permit held valid until" of the valid one you hold.',
          },
        },
      ]);
    });

    it('accepts the residence permit alone with a work permit valid today', () => {
      expect(check(RESIDENCE, held('137100202600012', TODAY))).toEqual([]);
    });

    it('refuses a held work permit that expired before today', () => {
      expect(check(RESIDENCE, held('137100202600012', '2026-11-28'))).toEqual([
        expect.objectContaining({ code: 'prerequisite_missing', message: expect.objectContaining({ en: expect.stringContaining('expired on 2026-11-28') }) }),
      ]);
    });

    it('refuses a held work permit number without its expiry date', () => {
      expect(check(RESIDENCE, held('137100202600012', undefined))).toEqual([expect.objectContaining({ item: 'RESIDENCE_PERMIT', code: 'prerequisite_missing' })]);
    });

    it('accepts the residence permit chosen with the work permit', () => {
      expect(check([{ code: 'WORK_PERMIT', action: 'issue' }, ...RESIDENCE], {})).toEqual([]);
    });

    it('accepts the work permit alone: its steps are implied', () => {
      expect(check([{ code: 'WORK_PERMIT', action: 'issue' }], {})).toEqual([]);
    });

    it('refuses each dependant chosen without the work permit', () => {
      const refused = check(
        [
          { code: 'SOCIAL_INSURANCE', action: 'apply' },
          { code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' },
        ],
        {},
      );
      expect(refused.map((r) => [r.item, r.code])).toEqual([
        ['SOCIAL_INSURANCE', 'prerequisite_missing'],
        ['E_SOCIAL_SECURITY_CARD', 'prerequisite_missing'],
      ]);
    });
  });

  describe('filing windows', () => {
    it.each([
      ['2026-12-29', 30],
      ['2027-02-27', 90],
    ])('accepts a work permit extension when the permit expires on %s, %i days ahead', (validTo) => {
      expect(extension('WORK_PERMIT', 'workPermitValidTo', validTo)).toEqual([]);
    });

    it('refuses a work permit extension later than 30 days before expiry', () => {
      expect(extension('WORK_PERMIT', 'workPermitValidTo', '2026-12-28')).toEqual([
        {
          item: 'WORK_PERMIT',
          code: 'outside_filing_window',
          message: {
            zh: expect.stringContaining('30'),
            en: 'Extension of the Work permit for foreigners working in China (WORK_PERMIT) may be filed from 90 to 30 days before expiry; it expires on 2026-12-28, 29 days from today.',
          },
        },
      ]);
    });

    it('refuses a work permit extension earlier than 90 days before expiry', () => {
      expect(extension('WORK_PERMIT', 'workPermitValidTo', '2027-02-28')).toEqual([expect.objectContaining({ code: 'outside_filing_window' })]);
    });

    it('refuses a work permit extension after the permit expired', () => {
      expect(extension('WORK_PERMIT', 'workPermitValidTo', '2026-11-01')).toEqual([expect.objectContaining({ code: 'outside_filing_window' })]);
    });

    it('accepts a residence permit extension 30 days before expiry', () => {
      expect(extension('RESIDENCE_PERMIT', 'residencePermitValidTo', '2026-12-29').filter((r) => r.code !== 'prerequisite_missing')).toEqual([]);
    });

    it('refuses a residence permit extension later than 30 days before expiry', () => {
      expect(extension('RESIDENCE_PERMIT', 'residencePermitValidTo', '2026-12-20').map((r) => r.code)).toContain('outside_filing_window');
    });

    it.each([
      ['2026-11-19', 10],
      ['2026-11-29', 0],
    ])('accepts a work permit change that occurred on %s, %i days ago', (occurredOn) => {
      expect(change('WORK_PERMIT', occurredOn)).toEqual([]);
    });

    it('refuses a work permit change filed more than 10 days after it occurred', () => {
      expect(change('WORK_PERMIT', '2026-11-18')).toEqual([
        {
          item: 'WORK_PERMIT',
          code: 'outside_filing_window',
          message: {
            zh: expect.stringContaining('10日内'),
            en: 'Change of the Work permit for foreigners working in China (WORK_PERMIT) must be filed within 10 days of the change; the change occurred on 2026-11-18, 11 days ago.',
          },
        },
      ]);
    });

    it('refuses a change that has not occurred yet', () => {
      expect(change('WORK_PERMIT', '2026-12-01')).toEqual([expect.objectContaining({ code: 'outside_filing_window' })]);
    });

    it('refuses a residence permit change filed more than 10 days after it occurred', () => {
      expect(change('RESIDENCE_PERMIT', '2026-11-01').map((r) => r.code)).toContain('outside_filing_window');
    });

    it('refuses an extension whose expiry date is missing', () => {
      expect(check([{ code: 'WORK_PERMIT', action: 'extend' }], {})).toEqual([expect.objectContaining({ code: 'filing_date_missing' })]);
    });

    it('reads the window from the catalogue it is given', () => {
      const wider: Catalogue = {
        ...catalogue,
        items: catalogue.items.map((item) =>
          item.code !== 'WORK_PERMIT'
            ? item
            : { ...item, actions: item.actions.map((a) => (a.action === 'change' ? { ...a, window: { kind: 'after_event' as const, eventDateField: 'change.occurredOn', maxDays: 30 } } : a)) },
        ),
      };
      expect(check([{ code: 'WORK_PERMIT', action: 'change' }], { change: { occurredOn: '2026-11-01' } }, wider)).toEqual([]);
    });
  });
});

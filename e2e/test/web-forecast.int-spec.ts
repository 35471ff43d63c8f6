import type { Agency, Role } from '@work-permit/auth';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, expectText, screenshotDir } from './support/browser';
import { applicantToken, type CaseView, item } from './support/platform-api';
import { type Person, WebFront } from './support/web-front';

/**
 * The completion forecast on the applicant's case page, in Debian's Chromium against the whole
 * platform: shown before an officer asks for supplementary documents and moved after it, with the
 * reason on the page. The professional title evaluation is an officer's item by default (the
 * catalogue's `manualByDefault`), so it waits in review for the officer, who asks in the workbench.
 */
describe('web front: the completion forecast', () => {
  const web = new WebFront();
  let portal: string;

  beforeAll(async () => {
    await web.start();
    portal = web.portal;
  }, 300_000);

  afterAll(() => web.stop(), 60_000);
  afterEach(() => web.closePages());

  const pageFor = (): Promise<Page> => web.page();
  const signIn = (page: Page, role: Role, subject: string, agency?: Agency, identity?: Person) => web.signIn(page, role, subject, agency, identity);

  /** One item's row of the forecast on the page, with its dates as the page shows them. */
  async function forecastRow(page: Page, code: string) {
    const row = page.locator(`[data-testid="forecast"] [data-forecast-item="${code}"]`);
    await row.waitFor();
    return { row, earliest: await row.getAttribute('data-forecast-earliest'), expected: await row.getAttribute('data-forecast-expected'), latest: await row.getAttribute('data-forecast-latest') };
  }

  it('shows the dates before a supplement request, and after it the moved dates with the reason', async () => {
    const identity: Person = { passportNo: `F${String(Date.now()).slice(-8)}`, nationality: 'DEU' };
    const caseId = await submitAs(identity, [
      { code: 'WORK_PERMIT', action: 'issue' },
      { code: 'PROFESSIONAL_TITLE', action: 'apply' },
    ]);
    await untilCase(caseId, 'the work permit granted and the title waiting for its officer', (view) => item(view, 'WORK_PERMIT').status === 'granted' && item(view, 'PROFESSIONAL_TITLE').status === 'in_review');

    // Before: the title's window, its expected day from the law's limit alone (nothing observed yet), no reason to move.
    const applicant = await pageFor();
    await signIn(applicant, 'applicant', `applicant-${identity.nationality}-${identity.passportNo}`, undefined, identity);
    await applicant.goto(`${portal}/cases/${caseId}`);
    const before = await forecastRow(applicant, 'PROFESSIONAL_TITLE');
    expect(before.earliest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(before.expected).toBe(before.latest);
    await expectText(before.row.locator('[data-forecast-basis="time_limit"]'), '仅按办理时限估算', 30_000);
    await expectText(before.row, `${before.earliest} 至 ${before.latest}，预计 ${before.expected}`, 30_000);
    expect(await before.row.locator('[data-forecast-shifts]').count()).toBe(0);
    await applicant.locator('[data-testid="forecast"]').screenshot({ path: join(screenshotDir(), 'forecast-before-supplement-desktop.png') });

    // The HR officer asks for a document in the workbench.
    const officer = await pageFor();
    await signIn(officer, 'officer', 'hrss-officer-forecast', 'hrss');
    await officer.goto(`${portal}/officer/cases/${caseId}`);
    const decision = officer.locator('[data-decision-form="PROFESSIONAL_TITLE"]');
    await decision.locator('input[name="decision"][value="supplement"]').check();
    await decision.locator('textarea[name="reason"]').fill('请补充近三年业绩证明 / please add proof of achievements of the last three years');
    await decision.locator('input[name="materials"]').first().check();
    await decision.locator('button[type="submit"]').click();
    await untilCase(caseId, 'the title awaiting the documents', (view) => item(view, 'PROFESSIONAL_TITLE').status === 'awaiting_supplement');

    // After: the same page (it follows the case by itself) moves the latest and the expected day and says why.
    const shifts = applicant.locator('[data-forecast-shifts="PROFESSIONAL_TITLE"]');
    await shifts.waitFor({ timeout: 60_000 });
    await expectText(shifts, '日期变化原因', 30_000);
    await expectText(shifts.locator('.forecast-shift'), '补正材料期间暂停计时', 30_000);
    const after = await forecastRow(applicant, 'PROFESSIONAL_TITLE');
    expect(after.latest! > before.latest!).toBe(true);
    expect(after.expected! > before.expected!).toBe(true);
    await expectText(after.row, `预计 ${after.expected}`, 30_000);
    // The page says what the API says, in the reader's language.
    const forecast = await fetch(`${portal}/api/cases/${caseId}/forecast`, { headers: { authorization: `Bearer ${applicantToken(identity.passportNo, identity.nationality)}` } }).then(
      (r) => r.json() as Promise<{ items: { code: string; latestDate: string; shifts: { code: string; text: string }[] }[] }>,
    );
    const title = forecast.items.find((i) => i.code === 'PROFESSIONAL_TITLE')!;
    expect(title.latestDate).toBe(after.latest);
    expect(title.shifts.map((s) => s.code)).toEqual(['forecast.shift.supplement_pending']);
    await expectText(shifts, title.shifts[0].text, 30_000);
    await applicant.locator('[data-testid="forecast"]').screenshot({ path: join(screenshotDir(), 'forecast-after-supplement-desktop.png') });
    // The moved forecast, its reasons and the supplement request on one page: nothing against WCAG 2.1 A and AA.
    expect(describeViolations('the case page with the moved forecast', await axeViolations(applicant))).toEqual([]);

    // In English the reason reads in English.
    await applicant.click('[data-testid="language-toggle"]');
    await expectText(applicant.locator('[data-forecast-shifts="PROFESSIONAL_TITLE"]'), 'The clock stops while supplementary documents are awaited', 30_000);
  }, 240_000);

  const untilCase = (caseId: string, what: string, settled: (view: CaseView) => boolean) => web.untilCase(caseId, what, settled);

  const submitAs = (identity: Person, items: { code: string; action: string }[]) => web.submitAs(identity, items);
});


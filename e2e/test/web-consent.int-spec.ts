import { eventually } from '@work-permit/testing';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, horizontalOverflow, PHONE, screenshotDir, unlabelledControls } from './support/browser';
import { applicantToken, item, officer } from './support/platform-api';
import { currentStep, formValues as formValuesOf, nextStep } from './support/one-form';
import { type Person, WebFront } from './support/web-front';

interface FormAnswer {
  fields: { path: string; prefill?: { value: unknown; source: string; sourceCaseId: string; recordVersion: number } }[];
}

interface RecordAnswer {
  refusals: { path: string; caseId: string; refusedAt: string; recordVersion: number; source: string; sourceCaseId: string }[];
}

/**
 * Consent to each reused fact (issue 15, A11) in Debian's Chromium against the whole platform: a
 * returning applicant sees what their shared record would fill in before anything is, declines one
 * fact and accepts the others; the declined field is asked again; the Big Data Bureau notes the
 * refusal in the record; the access log tells in plain words who read what, when and why.
 */
describe('web front: consent to each reused fact', () => {
  const web = new WebFront();
  const { stack, api } = web;
  let portal: string;
  const identity: Person = { passportNo: `K${String(Date.now()).slice(-8)}`, nationality: 'DEU' };
  const auth = applicantToken(identity.passportNo, identity.nationality);
  const SECOND = [{ code: 'SOCIAL_INSURANCE', action: 'apply' }];
  const DECLINED = 'applicant.email';
  let firstCase: string;

  beforeAll(async () => {
    await web.start();
    portal = web.portal;
  }, 300_000);

  afterAll(() => web.stop(), 60_000);

  const pageFor = (viewport = DESKTOP): Promise<Page> => web.page(viewport);
  const signInAs = (page: Page, person: Person) => web.signInAs(page, person);

  /** Fills the controls of the step on show that are still empty (what the record gave stays as accepted). */
  async function fillEmpty(page: Page, values: Record<string, string>): Promise<void> {
    for (const [path, value] of Object.entries(values)) {
      const control = page.locator(`[data-testid="one-form"] [name="${path}"]`);
      if ((await control.count()) === 0 || (await control.getAttribute('readonly')) !== null) continue;
      if ((await control.inputValue()) !== '') continue;
      if ((await control.evaluate((element) => element.tagName)) === 'SELECT') await control.selectOption(value);
      else await control.fill(value);
    }
  }

  async function attachMaterials(page: Page, materials: { code: string; issuedAt: string }[]): Promise<void> {
    for (const { code, issuedAt } of materials) {
      const slot = page.locator(`[data-material="${code}"]`);
      await slot.locator('input[type="date"]').fill(issuedAt);
      await slot.locator('input[type="file"]').setInputFiles({ name: `${code.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: pdf(`${code} ${identity.passportNo}`) });
      await slot.getByText('sha256').waitFor();
    }
  }

  const formValues = (items: { code: string; action: string }[]) => formValuesOf(api, items, identity);

  const formFor = async () => (await api.call<FormAnswer>('portal', 'POST', '/api/forms', { auth, body: { items: SECOND } })).body;

  it('files a first case and waits for the shared record to offer its facts, the work permit among them', async () => {
    const body = await api.caseBody([{ code: 'WORK_PERMIT', action: 'issue' }], { patch: { 'applicant.passportNo': identity.passportNo, 'applicant.nationality': identity.nationality } });
    firstCase = await api.submit(body);
    await api.until(firstCase, 'the work permit granted', (view) => item(view, 'WORK_PERMIT').status === 'granted', 120_000);
    // The record folds the grant and announces it; the portal then offers the permit now held.
    const form = await eventually(
      async () => {
        const answer = await formFor();
        return answer.fields.some((field) => field.path === 'holdings.workPermitNo' && field.prefill) && answer;
      },
      { what: 'the record offering the work permit held', timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(form.fields.find((field) => field.path === DECLINED)?.prefill).toMatchObject({ value: body.applicant && (body.applicant as Record<string, unknown>).email, sourceCaseId: firstCase });
  }, 240_000);

  it('previews each fact before filling anything, declines one, asks it again, and the record and the access log note it', async () => {
    const { values, materials } = await formValues(SECOND);
    const page = await pageFor();
    await signInAs(page, identity);
    await page.goto(`${portal}/apply?items=SOCIAL_INSURANCE:apply`);
    await page.locator('[data-testid="one-form"]').waitFor();
    // The preview is a step of its own, right after the items, and the progress list says so.
    expect(await page.locator('nav.step-progress ol > li').evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step-indicator')))).toEqual(['items', 'reuse', 'you', 'employer', 'job', 'materials', 'check']);
    expect(await nextStep(page)).toBe('reuse');
    expect(await page.locator('[data-step-indicator="reuse"]').getAttribute('aria-current')).toBe('step');
    expect(await page.locator('[data-testid="step-heading"]').textContent()).toContain('第 2 步，共 7 步');

    // Each fact with its label, value, source in words and date; nothing answered yet.
    const facts = page.locator('[data-step-panel="reuse"] [data-fact]');
    const paths = await facts.evaluateAll((items) => items.map((fact) => fact.getAttribute('data-fact')));
    expect(paths).toEqual(expect.arrayContaining(['applicant.surname', DECLINED, 'holdings.workPermitNo']));
    expect(paths).not.toContain('applicant.passportNo');
    const email = page.locator(`[data-fact="${DECLINED}"]`);
    expect(await email.locator('legend').textContent()).toBe('电子邮箱');
    expect(await email.locator('[data-fact-value]').textContent()).toBe(values[DECLINED]);
    expect(await email.locator('[data-fact-source]').textContent()).toBe(`办件 ${firstCase.slice(0, 8)} 的申请表`);
    expect(await email.locator('time').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('[data-fact="holdings.workPermitNo"] [data-fact-source]').textContent()).toBe(`威海市行政审批服务局在办件 ${firstCase.slice(0, 8)} 中的决定`);
    expect(await facts.evaluateAll((items) => items.map((fact) => fact.getAttribute('data-decision')))).toEqual(paths.map(() => 'undecided'));
    await page.screenshot({ path: join(screenshotDir(), 'apply-reuse-desktop.png'), fullPage: true });
    expect(await unlabelledControls(page)).toEqual([]);

    // Nothing answered: the form does not go on (and fills nothing).
    await page.click('[data-testid="step-next"]');
    await page.locator('[data-testid="form-failure"]').waitFor();
    expect(await currentStep(page)).toBe('reuse');

    // Accept all, then decline the email.
    await page.click('[data-testid="accept-all"]');
    await email.locator('input[value="declined"]').check();
    expect(await email.getAttribute('data-decision')).toBe('declined');
    expect(await page.locator('[data-fact="applicant.surname"]').getAttribute('data-decision')).toBe('accepted');

    // The accepted facts are filled in; the declined one is empty, said so, and asked again as required.
    expect(await nextStep(page)).toBe('you');
    expect(await page.locator('[name="applicant.surname"]').inputValue()).toBe(values['applicant.surname']);
    const emailControl = page.locator(`[data-testid="one-form"] [name="${DECLINED}"]`);
    expect(await emailControl.inputValue()).toBe('');
    expect(await page.locator('#field-applicant-email-prefill').textContent()).toBe('您未同意复用共享档案中的此项，请重新填写。');
    await page.click('[data-testid="step-next"]');
    await page.locator(`[data-field-error="${DECLINED}"]`).waitFor();
    expect(await currentStep(page)).toBe('you');
    await emailControl.fill('new-address@example.com');

    // On through the steps; the check lists the answer to each fact.
    while ((await currentStep(page)) !== 'check') {
      if ((await currentStep(page)) === 'materials') await attachMaterials(page, materials);
      else await fillEmpty(page, values);
      await nextStep(page);
    }
    expect(await page.locator(`[data-check-reuse="${DECLINED}"] dd`).textContent()).toBe('不复用，已重新填写');
    expect(await page.locator('[data-check-reuse="applicant.surname"] dd').textContent()).toBe('复用');
    await page.click('[data-testid="submit-case"]');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const secondCase = page.url().split('/').pop()!;
    const view = (await api.call<{ caseId: string }>('portal', 'GET', `/api/cases/${secondCase}`, { auth })).body;
    expect(view.caseId).toBe(secondCase);

    // The Big Data Bureau notes the refusal in the person's record: an HR officer reading it (email is in its scope) sees it.
    const hrss = officer('hrss');
    const record = await eventually(
      async () => {
        const response = await fetch(`${stack.url('data-sharing')}/api/records?passportNo=${identity.passportNo}&nationality=${identity.nationality}`, {
          headers: { authorization: `Bearer ${hrss}`, 'x-purpose': encodeURIComponent('核对社会保险登记') },
        });
        const answer = (await response.json()) as RecordAnswer;
        return answer.refusals?.some((refusal) => refusal.caseId === secondCase) && answer;
      },
      { what: 'the refusal in the record', timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(record.refusals.filter((refusal) => refusal.caseId === secondCase)).toEqual([
      { path: DECLINED, caseId: secondCase, refusedAt: expect.any(String), recordVersion: expect.any(Number), source: 'portal.case.submitted', sourceCaseId: firstCase },
    ]);
    // Only the declined fact: the accepted ones are not refusals.
    expect(record.refusals.map((refusal) => refusal.path)).toEqual([DECLINED]);

    // The applicant's access log, in plain words: the HR bureau's read and the refusal.
    await page.goto(`${portal}/access-log`);
    const declined = page.locator(`[data-testid="access-log-declined"] [data-declined-case="${secondCase}"]`);
    await declined.waitFor();
    expect(await declined.textContent()).toContain(`您提交办件 ${secondCase.slice(0, 8)} 时拒绝了复用共享档案中您的电子邮箱`);
    const reads = page.locator('[data-testid="access-log-reads"] [data-read]');
    const sentences = await reads.allTextContents();
    expect(sentences.find((sentence) => sentence.includes('威海市人力资源和社会保障局为核对社会保险登记读取了您的'))).toMatch(/^\d{4}年\d+月\d+日 \d{2}:\d{2}，威海市人力资源和社会保障局为核对社会保险登记读取了您的.*电子邮箱.*。$/);
    for (const sentence of sentences) expect(sentence).not.toMatch(/applicant\.|employment\.|materials\.|permits\./);
    await page.screenshot({ path: join(screenshotDir(), 'access-log-desktop.png'), fullPage: true });

    // In English on the toggle, from the same answer.
    await page.click('[data-testid="language-toggle"]');
    await eventually(async () => (await declined.textContent())?.includes('you declined the reuse of your email from the shared record') ?? false, { what: 'the refusal in English', timeoutMs: 10_000, intervalMs: 100 });
    expect((await reads.allTextContents()).some((sentence) => /^On \d+ \w+ \d{4} at \d{2}:\d{2} \(China time\), the Weihai Human Resources and Social Security Bureau read your /.test(sentence))).toBe(true);
    await page.click('[data-testid="language-toggle"]');
  }, 300_000);

  it('shows the preview and the access log on a phone without sideways scrolling, the log only to its own applicant', async () => {
    const page = await pageFor(PHONE);
    await signInAs(page, identity);
    await page.goto(`${portal}/apply?items=SOCIAL_INSURANCE:apply`);
    await page.locator('[data-testid="step-next"]').waitFor();
    expect(await nextStep(page)).toBe('reuse');
    await page.locator(`[data-fact="${DECLINED}"]`).waitFor();
    await page.screenshot({ path: join(screenshotDir(), 'apply-reuse-phone.png'), fullPage: true });
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await unlabelledControls(page)).toEqual([]);

    await page.goto(`${portal}/access-log`);
    await page.locator('[data-testid="access-log-declined"]').waitFor();
    await page.screenshot({ path: join(screenshotDir(), 'access-log-phone.png'), fullPage: true });
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await unlabelledControls(page)).toEqual([]);

    // Another person signed in sees their own, empty log: nothing of this one's.
    const stranger = await pageFor();
    await signInAs(stranger, { passportNo: `Z${String(Date.now()).slice(-8)}`, nationality: 'FRA' });
    await stranger.goto(`${portal}/access-log`);
    await stranger.locator('[data-testid="no-declined"]').waitFor();
    await stranger.locator('[data-testid="no-reads"]').waitFor();
  }, 120_000);
});

/** A small real PDF, different per material so each upload has its own sha256. */
function pdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

import type { Agency, Role } from '@work-permit/auth';
import { compact, readPdf } from '@work-permit/documents/testing';
import { eventually } from '@work-permit/testing';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, DESKTOP, expectText, horizontalOverflow, PHONE, screenshotDir, unlabelledControls } from './support/browser';
import { applicantToken, type CaseView, DATES, item, token } from './support/platform-api';
import { currentStep, formValues as formValuesOf, nextStep } from './support/one-form';
import { type Person, WebFront } from './support/web-front';

/**
 * The web front in Debian's Chromium against the whole platform (every service a process of its own,
 * built from this checkout): what applicants, officers, clerks and analysts do in the browser.
 */
describe('web front', () => {
  const web = new WebFront();
  const { stack, api } = web;
  const admin = token('admin');
  let portal: string;

  beforeAll(async () => {
    await web.start();
    portal = web.portal;
  }, 300_000);

  afterAll(() => web.stop(), 60_000);
  afterEach(() => web.closePages());

  const pageFor = (viewport = DESKTOP): Promise<Page> => web.page(viewport);
  const signIn = (page: Page, role: Role, subject: string, agency?: Agency, identity?: Person) => web.signIn(page, role, subject, agency, identity);
  const signInAs = (page: Page, identity: Person) => web.signInAs(page, identity);

  /** A person of their own for each test: an applicant sees every case of their identity, whoever filed it. */
  let people = 0;
  function person(): Person {
    people += 1;
    return { passportNo: `W${String(Date.now()).slice(-8)}${people}`, nationality: 'DEU' };
  }

  const formValues = (items: { code: string; action: string }[], identity: Person) => formValuesOf(api, items, identity);

  /** Fills the controls of the step on show (the one form shows one step at a time). */
  async function fillForm(page: Page, values: Record<string, string>): Promise<void> {
    for (const [path, value] of Object.entries(values)) {
      const control = page.locator(`[data-testid="one-form"] [name="${path}"]`);
      if ((await control.count()) === 0) continue; // on another step, or not a control (items)
      // The identity fields are the verified token's, shown read-only.
      if ((await control.getAttribute('readonly')) !== null) continue;
      if ((await control.evaluate((element) => element.tagName)) === 'SELECT') await control.selectOption(value);
      else await control.fill(value);
    }
  }

  /** Goes through every step of the one form, filling each, up to the check step (the submit button on show). */
  async function fillSteps(page: Page, values: Record<string, string>, materials: { code: string; issuedAt: string }[] = []): Promise<void> {
    await page.locator('[data-testid="one-form"]').waitFor();
    while ((await currentStep(page)) !== 'check') {
      if ((await currentStep(page)) === 'materials') await attachMaterials(page, materials);
      // A returning applicant is first shown what their shared record could fill in: here all of it is reused.
      else if ((await currentStep(page)) === 'reuse') await page.click('[data-testid="accept-all"]');
      else await fillForm(page, values);
      await nextStep(page);
    }
  }

  async function attachMaterials(page: Page, materials: { code: string; issuedAt: string }[]): Promise<void> {
    for (const [index, { code, issuedAt }] of materials.entries()) {
      const slot = page.locator(`[data-material="${code}"]`);
      await slot.locator('input[type="date"]').fill(issuedAt);
      const file = index % 2 === 0 ? { name: `${code.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: pdf(code) } : { name: `${code.toLowerCase()}.png`, mimeType: 'image/png', buffer: png(code) };
      await slot.locator('input[type="file"]').setInputFiles(file);
      await slot.getByText('sha256').waitFor();
    }
  }

  async function waitForItemStatus(page: Page, code: string, status: string): Promise<void> {
    await page.locator(`[data-item="${code}"] [data-status="${status}"]`).first().waitFor({ timeout: 90_000 });
  }

  it('an applicant chooses two items, fills the one form with uploads, submits (a double click makes one case) and sees both granted', async () => {
    const identity = person();
    const page = await pageFor();
    await signInAs(page, identity);
    await page.goto(`${portal}/`);
    await page.check('input[name="item"][value="WORK_PERMIT"]');
    await page.check('input[name="item"][value="RESIDENCE_PERMIT"]');
    await page.click('a[href^="/apply?items="]');
    await page.locator('[data-testid="one-form"]').waitFor();

    const { values, materials } = await formValues(
      [
        { code: 'WORK_PERMIT', action: 'issue' },
        { code: 'RESIDENCE_PERMIT', action: 'issue' },
      ],
      identity,
    );
    // The form in steps, its progress an ordered list with the current step marked.
    expect(await page.locator('nav.step-progress ol > li').count()).toBe(6);
    expect(await page.locator('[data-step-indicator="items"]').getAttribute('aria-current')).toBe('step');
    expect(await nextStep(page)).toBe('you');
    expect(await page.locator('[data-step-indicator="you"]').getAttribute('aria-current')).toBe('step');
    // The passport number and nationality come from the sign-in, and cannot be changed on the form.
    expect(await page.locator('[data-testid="one-form"] [name="applicant.passportNo"]').inputValue()).toBe(identity.passportNo);
    expect(await page.locator('[data-testid="one-form"] [name="applicant.passportNo"]').getAttribute('readonly')).not.toBeNull();
    await fillSteps(page, values, materials);
    // Back and forward lose nothing.
    await page.click('[data-step-indicator="you"] button');
    await page.locator('[data-testid="one-form"][data-step="you"]').waitFor();
    expect(await page.locator('[name="applicant.surname"]').inputValue()).toBe(values['applicant.surname']);
    while ((await currentStep(page)) !== 'check') await nextStep(page);
    await page.locator(`[data-check-material="${materials[0].code}"]`).waitFor();
    await page.locator('[data-testid="submit-case"]').dblclick();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;

    await waitForItemStatus(page, 'WORK_PERMIT', 'granted');
    await waitForItemStatus(page, 'RESIDENCE_PERMIT', 'granted');
    const view = await viewCase(caseId);
    expect(item(view, 'WORK_PERMIT').result).toMatchObject({ permitNo: expect.any(String) });
    await page.getByText(String(item(view, 'WORK_PERMIT').result!.permitNo)).first().waitFor();
    // the documents the case references are the ones uploaded through the page
    const auth = applicantToken(identity.passportNo, identity.nationality);
    const uploaded = await fetch(`${portal}/api/cases/${caseId}`, { headers: { authorization: `Bearer ${auth}` } }).then((r) => r.json() as Promise<{ materials: { code: string }[] }>);
    expect(uploaded.materials.map((m) => m.code).sort()).toEqual(materials.map((m) => m.code).sort());

    const mine = await fetch(`${portal}/api/cases?mine=true`, { headers: { authorization: `Bearer ${auth}` } }).then((r) => r.json() as Promise<unknown[] | { cases: unknown[] }>);
    expect(Array.isArray(mine) ? mine : mine.cases).toHaveLength(1);

    // Coming back for another item, the form starts from the shared record (once-only).
    await eventually(
      async () => {
        await page.goto(`${portal}/apply?items=SOCIAL_INSURANCE:apply`);
        await page.locator('[data-testid="step-next"]').waitFor();
        // The record's facts are shown before anything is filled in (web-consent.int-spec.ts): all accepted here.
        if ((await nextStep(page)) === 'reuse') {
          await page.click('[data-testid="accept-all"]');
          await nextStep(page);
        }
        const email = page.locator('[data-testid="one-form"] [name="applicant.email"]');
        await email.waitFor();
        return (await email.inputValue()) === values['applicant.email'];
      },
      { what: 'the form pre-filled from the shared record', timeoutMs: 30_000, intervalMs: 1_000 },
    );
    await page.locator('#field-applicant-email-prefill').waitFor();
  }, 180_000);

  it('uploads: the accepted types and size said before choosing, a wrong type and a too-large file kept back in the browser, the server’s refusal shown, a drop with its progress, and a replacement keeping the slot', async () => {
    const identity = person();
    const items = [{ code: 'WORK_PERMIT', action: 'issue' }];
    const { values, materials } = await formValues(items, identity);
    const page = await pageFor();
    let sent = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/materials') sent += 1;
    });
    await signInAs(page, identity);
    await page.goto(`${portal}/apply?items=WORK_PERMIT:issue`);
    await page.locator('[data-testid="one-form"]').waitFor();
    while ((await currentStep(page)) !== 'materials') {
      if ((await currentStep(page)) === 'reuse') await page.click('[data-testid="accept-all"]');
      else await fillForm(page, values);
      await nextStep(page);
    }
    const { code, issuedAt } = materials[0];
    const slot = page.locator(`[data-material="${code}"]`);
    const input = slot.locator('input[type="file"]');
    const error = page.locator(`[data-material-error="${code}"]`);
    await slot.locator('input[type="date"]').fill(issuedAt);

    // Said before choosing, from the portal's own limits (GET /api/web-config), and offered to the picker.
    await expectText(slot.locator(`[data-upload-limits="${code}"]`), '可上传 PDF、JPEG、PNG 格式，单个文件不超过 10 MB。');
    expect(await input.getAttribute('accept')).toBe('.pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png');
    expect(await input.getAttribute('aria-describedby')).toContain(String(await slot.locator('[data-upload-limits]').getAttribute('id')));

    // Kept back in the browser: nothing sent.
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a document') });
    await expectText(error, '“notes.txt”不是可接受的格式（PDF、JPEG、PNG），未上传。');
    await input.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf('huge'), Buffer.alloc(10 * 1024 * 1024)]) });
    await expectText(error, '“huge.pdf”大小为 10.1 MB，超过 10 MB 的上限，未上传。');
    expect(sent).toBe(0);
    // The refusal shows at the slot, announced, and the page stays clean for axe.
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(describeViolations('upload refused', await axeViolations(page))).toEqual([]);

    // A file the browser cannot tell from a PDF, refused by the portal (told by its content): the portal's reason shown.
    await input.setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('only pretending to be a PDF') });
    await expectText(error, '门户拒收“fake.pdf”：');
    expect(sent).toBe(1);
    expect(await slot.getAttribute('data-upload-phase')).toBe('failed');

    // Dropped on the slot over a slow line: the progress shows while the bytes go out, then the document is stored.
    const first = Buffer.concat([pdf(`first ${identity.passportNo}`), Buffer.alloc(768 * 1024, 0x20)]);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    const dropZone = slot.locator(`[data-drop-zone="${code}"]`);
    const dataTransfer = await page.evaluateHandle(
      ({ name, bytes }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(bytes), (char) => char.charCodeAt(0))], name, { type: 'application/pdf' }));
        return transfer;
      },
      { name: 'dropped.pdf', bytes: first.toString('base64') },
    );
    await dropZone.dispatchEvent('dragenter', { dataTransfer });
    await page.locator(`[data-drop-zone="${code}"].dragging`).waitFor();
    await expectText(dropZone, '松开即可上传');
    await dropZone.dispatchEvent('drop', { dataTransfer });
    await page.waitForFunction((selector) => {
      const percent = Number(document.querySelector(selector)?.getAttribute('data-upload-percent'));
      return percent > 0 && percent < 100;
    }, `[data-material="${code}"] progress[data-upload-percent]`);
    await expectText(slot.locator('.upload-status'), '正在上传 dropped.pdf…');
    await page.locator(`[data-material="${code}"][data-upload-phase="stored"]`).waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expectText(slot.locator('.upload-status'), `已保存：dropped.pdf（sha256 ${sha256(first).slice(0, 12)}…）`);
    expect(await error.count()).toBe(0);

    // Replaced by keyboard (Space on the file control opens the picker): the same slot, the new document in it.
    const second = png(`second ${identity.passportNo}`);
    await input.focus();
    // Held a moment as a person's key is: a keyup at once after the keydown leaves Chromium's picker shut about one time in ten.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space', { delay: 50 })]);
    await chooser.setFiles({ name: 'second.png', mimeType: 'image/png', buffer: second });
    await expectText(slot.locator('.upload-status'), `已保存：second.png（sha256 ${sha256(second).slice(0, 12)}…）`);
    await expectText(slot.locator('label.drop-zone-label'), '更换文件');
    expect(sent).toBe(3);
    // The other documents by clicking the zone's label; then the check step lists one document for the slot.
    for (const { code: other, issuedAt: otherDate } of materials.slice(1)) {
      const otherSlot = page.locator(`[data-material="${other}"]`);
      await otherSlot.locator('input[type="date"]').fill(otherDate);
      const [picker] = await Promise.all([page.waitForEvent('filechooser'), otherSlot.locator('label.drop-zone-label').click()]);
      await picker.setFiles({ name: `${other.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: pdf(`${other} ${identity.passportNo}`) });
      await otherSlot.getByText('sha256').waitFor();
    }
    expect(await nextStep(page)).toBe('check');
    await expectText(page.locator(`[data-check-material="${code}"]`), 'second.png');

    // The old document is referenced by neither the draft nor the case.
    const auth = applicantToken(identity.passportNo, identity.nationality);
    const draftId = new URL(page.url()).searchParams.get('draft')!;
    const draft = await fetch(`${portal}/api/drafts/${draftId}`, { headers: { authorization: `Bearer ${auth}` } }).then((r) => r.json() as Promise<{ content: { materials: { code: string; sha256: string }[] } }>);
    expect(draft.content.materials.filter((material) => material.code === code)).toEqual([expect.objectContaining({ sha256: sha256(second), fileName: 'second.png' })]);
    await page.click('[data-testid="submit-case"]');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const view = await viewCase(page.url().split('/').pop()!);
    expect(view.materials.filter((material) => material.code === code)).toEqual([expect.objectContaining({ sha256: sha256(second), fileName: 'second.png' })]);
    expect(view.materials.map((material) => material.sha256)).not.toContain(sha256(first));
  }, 180_000);

  it('an officer decides a manual item in the workbench and the applicant sees it', async () => {
    const identity = person();
    const caseId = await submitAs(identity, [
      { code: 'WORK_PERMIT', action: 'issue' },
      { code: 'PROFESSIONAL_TITLE', action: 'apply' },
    ]);
    await untilCase(caseId, 'the work permit granted', (view) => item(view, 'WORK_PERMIT').status === 'granted');

    const officerPage = await pageFor();
    await signIn(officerPage, 'officer', 'hrss-officer-1', 'hrss');
    await officerPage.goto(`${portal}/officer`);
    const row = officerPage.locator(`[data-case="${caseId}"][data-item="PROFESSIONAL_TITLE"]`);
    await row.waitFor();
    // The row shows what the agency's API gives: the name its scope releases and the working days left.
    const queue = (await (await fetch(`${stack.url('hr-social-security')}/api/items?q=${caseId}`, { headers: { authorization: `Bearer ${token('officer', 'hrss')}` } })).json()) as {
      items: { caseId: string; code: string; applicantName: string | null; workingDaysLeft: number | null }[];
    };
    const listed = queue.items.find((entry) => entry.caseId === caseId && entry.code === 'PROFESSIONAL_TITLE');
    expect(listed?.applicantName).toEqual(expect.stringMatching(/\S/));
    expect(listed?.workingDaysLeft).toEqual(expect.any(Number));
    expect((await row.locator('[data-applicant="name"]').textContent())?.trim()).toBe(listed?.applicantName);
    expect(await row.getAttribute('data-working-days-left')).toBe(String(listed?.workingDaysLeft));
    // Sorted by due date from its heading, the choice kept in the address; searched by case number, only that case left.
    await officerPage.locator('[data-sort="due"]').click();
    await officerPage.waitForURL(/[?&]sort=due/);
    const dueHeading = officerPage.locator('th', { has: officerPage.locator('[data-sort="due"]') });
    await eventually(async () => (await dueHeading.getAttribute('aria-sort')) === 'ascending', { what: 'the due date heading sorted ascending', timeoutMs: 10_000 });
    await officerPage.fill('input[name="q"]', caseId);
    await officerPage.press('input[name="q"]', 'Enter');
    await officerPage.waitForURL(new RegExp(`[?&]q=${caseId}`));
    await eventually(
      async () => {
        const shown = await officerPage.locator('tr[data-case]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')));
        return shown.length > 0 && shown.every((id) => id === caseId);
      },
      { what: 'only the searched case in the queue' },
    );
    // Science and technology's scope holds no names: its officers see case numbers only.
    const scitechPage = await pageFor();
    await signIn(scitechPage, 'officer', 'scitech-officer-1', 'scitech');
    await scitechPage.goto(`${portal}/officer`);
    await scitechPage.locator('[data-testid="names-out-of-scope"]').waitFor();
    expect(await scitechPage.locator('[data-applicant]').count()).toBe(0);

    await row.locator(`a[href="/officer/cases/${caseId}"]`).first().click();
    // The officer sees the forecast the applicant was given, beside the decision.
    await officerPage.locator('[data-testid="forecast"] [data-forecast-item="PROFESSIONAL_TITLE"]').waitFor();
    const decision = officerPage.locator('[data-decision-form="PROFESSIONAL_TITLE"]');
    await decision.locator('input[name="decision"][value="approve"]').check();
    await decision.locator('textarea[name="reason"]').fill('职称评审委员会评审通过 / approved by the title committee');
    await decision.locator('button[type="submit"]').click();

    const applicantPage = await pageFor();
    await signInAs(applicantPage, identity);
    await applicantPage.goto(`${portal}/cases/${caseId}`);
    await waitForItemStatus(applicantPage, 'PROFESSIONAL_TITLE', 'granted');
    expect(item(await viewCase(caseId), 'PROFESSIONAL_TITLE')).toMatchObject({ status: 'granted' });
  }, 180_000);

  it('an applicant answers a supplement request with an upload on the case page, and withdraws another case', async () => {
    const identity = person();
    const twoPermits = [
      { code: 'WORK_PERMIT', action: 'issue' },
      { code: 'RESIDENCE_PERMIT', action: 'issue' },
    ];
    const caseId = await submitAs(identity, twoPermits, { without: ['PHOTO'] });
    const page = await pageFor();
    await signInAs(page, identity);
    await page.goto(`${portal}/cases/${caseId}`);
    // Pre-review asks once for the photo both permits need; one answer resumes both.
    const request = page.locator('[data-supplement]').first();
    await request.waitFor({ timeout: 60_000 });
    const slot = request.locator('[data-material="PHOTO"]');
    await slot.locator('input[type="date"]').fill(DATES.issuedAt);
    await slot.locator('input[type="file"]').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpeg(identity.passportNo) });
    await slot.getByText('sha256').waitFor();
    await request.locator('button[type="submit"]').click();
    await waitForItemStatus(page, 'WORK_PERMIT', 'granted');
    await waitForItemStatus(page, 'RESIDENCE_PERMIT', 'granted');
    expect((await viewCase(caseId)).materials.map((m) => m.code)).toContain('PHOTO');

    const titleCase = await submitAs(identity, [twoPermits[0], { code: 'PROFESSIONAL_TITLE', action: 'apply' }]);
    await page.goto(`${portal}/cases/${titleCase}`);
    await page.click('[data-testid="withdraw"]');
    await page.fill('#withdraw-reason', 'took another offer');
    await page.click('[data-testid="confirm-withdraw"]');
    await waitForItemStatus(page, 'PROFESSIONAL_TITLE', 'withdrawn');
    expect(item(await viewCase(titleCase), 'PROFESSIONAL_TITLE').status).toBe('withdrawn');
  }, 180_000);

  it('the language toggle switches the form labels, and the choice is remembered', async () => {
    const page = await pageFor();
    await signInAs(page, person());
    await page.goto(`${portal}/apply?items=WORK_PERMIT:issue`);
    await page.locator('[data-testid="step-next"]').waitFor();
    await nextStep(page);
    const surname = page.locator('label[for="field-applicant-surname"]');
    await expectText(surname, '姓（与护照一致）');
    await page.click('[data-testid="language-toggle"]');
    await expectText(surname, 'Surname (as in the passport)');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.locator('[data-testid="step-next"]').waitFor();
    await nextStep(page);
    await expectText(page.locator('label[for="field-applicant-surname"]'), 'Surname (as in the passport)');
    await page.click('[data-testid="language-toggle"]');
    await expectText(page.locator('label[for="field-applicant-surname"]'), '姓（与护照一致）');
  }, 120_000);

  it("a field the browser accepts but the server refuses shows the server's error at that field", async () => {
    const page = await pageFor();
    const identity = person();
    await signInAs(page, identity);
    await page.goto(`${portal}/apply?items=WORK_PERMIT:issue`);
    await page.locator('[data-testid="one-form"]').waitFor();
    const { values } = await formValues([{ code: 'WORK_PERMIT', action: 'issue' }], identity);
    // Same shape as a credit code, wrong check character: only the server's GB 32100 check finds it.
    const uscc = values['employer.uscc'];
    values['employer.uscc'] = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    expect(await nextStep(page)).toBe('you');
    await fillForm(page, values);
    expect(await nextStep(page)).toBe('employer');
    await fillForm(page, values);
    // Leaving the step saves the draft; the server's answer holds the step back, in its own words.
    await page.click('[data-testid="step-next"]');
    const error = page.locator('[data-field-error="employer.uscc"]');
    await error.waitFor();
    expect((await error.textContent())?.trim().length).toBeGreaterThan(0);
    await page.locator('[data-testid="form-failure"]').waitFor();
    expect(await page.getAttribute('[name="employer.uscc"]', 'aria-invalid')).toBe('true');
    expect(await currentStep(page)).toBe('employer');
    expect(page.url()).toContain('/apply');
    // Corrected, the step lets the reader on.
    await page.fill('[name="employer.uscc"]', uscc);
    expect(await nextStep(page)).toBe('job');
  }, 120_000);

  it('a draft saved on the server is reopened after signing out and in again, and submitted', async () => {
    const identity = person();
    const items = [{ code: 'WORK_PERMIT', action: 'issue' }];
    const { values, materials } = await formValues(items, identity);
    const page = await pageFor();
    await signInAs(page, identity);
    await page.goto(`${portal}/apply?items=WORK_PERMIT:issue`);
    await page.locator('[data-testid="step-next"]').waitFor();
    await nextStep(page);
    await fillForm(page, values);
    expect(await nextStep(page)).toBe('employer');
    await page.locator('[data-draft-status="saved"]').waitFor();
    await page.waitForURL(/[?&]draft=[0-9a-f-]{36}/);
    const draftId = new URL(page.url()).searchParams.get('draft')!;

    await page.getByRole('button', { name: /退出|Sign out/ }).click();
    await page.waitForURL(/\/sign-in/);
    await signInAs(page, identity);
    await page.goto(`${portal}/cases`);
    await page.locator(`[data-continue-draft="${draftId}"]`).click();
    await page.locator('[data-testid="one-form"]').waitFor();
    await page.locator('[data-draft-status="saved"]').waitFor();
    await nextStep(page);
    expect(await page.locator('[name="applicant.surname"]').inputValue()).toBe(values['applicant.surname']);
    await fillSteps(page, values, materials);
    await page.click('[data-testid="submit-case"]');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;
    expect((await viewCase(caseId)).status).toBeDefined();
    // Submitted: the draft is gone.
    const auth = applicantToken(identity.passportNo, identity.nationality);
    const drafts = await fetch(`${portal}/api/drafts`, { headers: { authorization: `Bearer ${auth}` } }).then((r) => r.json() as Promise<{ drafts: { draftId: string }[] }>);
    expect(drafts.drafts.map((d) => d.draftId)).not.toContain(draftId);
  }, 180_000);

  it('the case page lists the formal documents: a decision and an e-permit previewed in the page, downloaded, and the permit checked from its QR code', async () => {
    const identity = person();
    const caseId = await submitAs(identity, [{ code: 'WORK_PERMIT', action: 'issue' }]);
    await untilCase(caseId, 'the work permit granted', (view) => item(view, 'WORK_PERMIT').status === 'granted');
    const page = await pageFor();
    await signInAs(page, identity);
    await page.goto(`${portal}/cases/${caseId}`);
    const rows = page.locator('[data-testid="case-documents"] tr[data-document]');
    for (const kind of ['acceptance_notice', 'decision', 'e_permit']) await page.locator(`tr[data-kind="${kind}"]`).waitFor({ timeout: 90_000 });
    expect(await rows.count()).toBe(3);
    await expectText(page.locator('tr[data-kind="decision"] .document-title'), '准予许可决定书');

    for (const [kind, shot] of [['decision', 'document-decision'], ['e_permit', 'document-e-permit']] as const) {
      const row = page.locator(`tr[data-kind="${kind}"]`);
      const documentNo = (await row.getAttribute('data-document'))!;
      await row.getByRole('button', { name: /预览/ }).click();
      await page.locator(`[data-preview="${documentNo}"]:not([data-pages="0"]) img`).first().waitFor({ timeout: 60_000 });
      // The documents' list with the document drawn beneath it, as the reader sees it.
      await page.locator('[data-testid="case-documents"]').screenshot({ path: join(screenshotDir(), `${shot}-desktop.png`) });
    }

    // The download is the PDF the page previewed, under its number.
    const permitNo = (await page.locator('tr[data-kind="e_permit"]').getAttribute('data-document'))!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('tr[data-kind="e_permit"]').getByRole('button', { name: /下载/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${permitNo}.pdf`);
    const auth = applicantToken(identity.passportNo, identity.nationality);
    const pdf = Buffer.from(await (await fetch(`${portal}/api/documents/${permitNo}`, { headers: { authorization: `Bearer ${auth}` } })).arrayBuffer());
    const read = await readPdf(pdf);
    expect(compact(read.text)).toContain('电子证照');
    expect(compact(read.text)).toContain(compact(String(item(await viewCase(caseId), 'WORK_PERMIT').result!.permitNo)));
    expect(read.qrCodes).toEqual([`${portal}/verify/${permitNo}`]);

    // Anyone who scans the code: no sign-in, the holder masked.
    const checker = await pageFor(PHONE);
    await checker.goto(read.qrCodes[0]);
    await checker.locator('[data-verification="valid"]').waitFor();
    expect(await checker.locator('[data-testid="verification-holder"]').textContent()).toMatch(/^[A-Z]{1,3}\*\*\*( [A-Z]\*\*\*)+$/);
    await checker.goto(`${portal}/verify/APPROVAL-20261206-0000000000`);
    await checker.locator('[data-verification="not_found"]').waitFor();
  }, 240_000);

  it('every page, at desktop and phone width, passes axe (WCAG 2.1 A and AA), labels every control and is no wider than a phone (screenshots)', async () => {
    const identity = person();
    const applicant: SignIn = ['applicant', `applicant-${identity.nationality}-${identity.passportNo}`, undefined, identity];
    const waiting = person();
    const waitingApplicant: SignIn = ['applicant', `applicant-${waiting.nationality}-${waiting.passportNo}`, undefined, waiting];
    const clerk: SignIn = ['clerk', 'window-3'];
    const hrssOfficer: SignIn = ['officer', 'hrss-officer-2', 'hrss'];
    const items = [
      { code: 'WORK_PERMIT', action: 'issue' },
      { code: 'RESIDENCE_PERMIT', action: 'issue' },
      { code: 'PROFESSIONAL_TITLE', action: 'apply' },
    ];
    const caseId = await submitAs(identity, items);
    const windowCaseId = await submitAs(person(), items.slice(0, 2), { filer: token('clerk', undefined, 'window-3') });
    // A case held for a missing photo: the case page's supplement form (its upload slot) is checked too.
    const waitingCaseId = await submitAs(waiting, items.slice(0, 2), { without: ['PHOTO'] });
    await untilCase(caseId, 'the work permit granted', (view) => item(view, 'WORK_PERMIT').status === 'granted');
    await untilCase(waitingCaseId, 'the photo asked for', (view) => view.items.some((entry) => entry.status === 'awaiting_supplement'));
    const permitNo = await eventually(async () => {
      const documents = (await api.call<{ documentNo: string; kind: string }[]>('portal', 'GET', `/api/cases/${caseId}/documents`, { auth: admin })).body;
      return documents.find((document) => document.kind === 'e_permit')?.documentNo;
    }, { what: 'the work permit’s e-permit', timeoutMs: 90_000, intervalMs: 500 });
    const formItems = items.slice(0, 2);
    const form = await formValues(formItems, identity);

    /** Every page of the front; `shows` waits for (or opens) what the page is checked with, `walk` checks a page in several states. */
    const pages: { name: string; path: string; as?: SignIn; shows?(page: Page): Promise<unknown>; walk?(page: Page, check: (name: string) => Promise<void>): Promise<void> }[] = [
      { name: 'sign-in', path: '/sign-in' },
      { name: 'items', path: '/' },
      {
        name: 'guides',
        path: '/',
        shows: async (page) => {
          for (const guide of ['one-thing-guide', 'guide-WORK_PERMIT']) await page.locator(`[data-testid="${guide}"] > summary`).click();
          await page.locator('[data-guide="WORK_PERMIT"] [data-guide-section]').first().waitFor();
          await page.locator('.one-thing-guide').waitFor();
        },
      },
      {
        name: 'apply-form',
        path: `/apply?items=${formItems.map(({ code, action }) => `${code}:${action}`).join(',')}`,
        as: applicant,
        // The guided form: each step as the reader meets it, the materials with one document stored.
        walk: async (page, check) => {
          await page.locator('[data-testid="one-form"]').waitFor();
          for (;;) {
            const step = (await currentStep(page))!;
            if (step === 'materials') await attachMaterials(page, form.materials.slice(0, 1));
            await check(`apply-${step}`);
            if (step === 'check') break;
            if (step === 'materials') await attachMaterials(page, form.materials.slice(1));
            // This applicant filed before: the preview of their record's facts comes first (all reused here).
            else if (step === 'reuse') await page.click('[data-testid="accept-all"]');
            else await fillForm(page, form.values);
            await nextStep(page);
          }
        },
      },
      { name: 'my-cases', path: '/cases', as: applicant },
      {
        name: 'case',
        path: `/cases/${caseId}`,
        as: applicant,
        shows: async (page) => {
          await page.locator('[data-testid="forecast"]').waitFor();
          const permit = page.locator(`tr[data-document="${permitNo}"]`);
          await permit.waitFor({ timeout: 60_000 });
          await permit.getByRole('button', { name: /预览/ }).click();
          await page.locator(`[data-preview="${permitNo}"]:not([data-pages="0"]) img`).first().waitFor({ timeout: 60_000 });
        },
      },
      { name: 'notifications', path: '/notifications', as: applicant },
      { name: 'access-log', path: '/access-log', as: applicant },
      { name: 'case-supplement', path: `/cases/${waitingCaseId}`, as: waitingApplicant, shows: (page) => page.locator('[data-supplement] [data-material="PHOTO"]').first().waitFor({ timeout: 60_000 }) },
      { name: 'verify', path: `/verify/${permitNo}`, shows: (page) => page.locator('[data-verification="valid"]').waitFor() },
      { name: 'verify-unknown', path: '/verify/APPROVAL-20261206-0000000000', shows: (page) => page.locator('[data-verification="not_found"]').waitFor() },
      { name: 'clerk-form', path: '/clerk', as: clerk },
      { name: 'clerk-receipt', path: `/clerk/receipt/${windowCaseId}`, as: clerk },
      { name: 'officer-queue', path: '/officer', as: hrssOfficer, shows: (page) => page.locator(`[data-case="${caseId}"]`).first().waitFor() },
      { name: 'officer-case', path: `/officer/cases/${caseId}`, as: hrssOfficer, shows: (page) => page.locator('[data-decision-form="PROFESSIONAL_TITLE"]').waitFor() },
      { name: 'joint-reviews', path: '/officer/joint-reviews', as: ['officer', 'approval-officer-1', 'approval'] },
      { name: 'analyst-dashboard', path: '/analyst', as: ['analyst', 'analyst-1', 'bigdata'], shows: (page) => page.locator('[data-testid="dashboard-kpis"]').waitFor() },
      { name: 'admin-dead-letters', path: '/admin/dead-letters', as: ['admin', 'admin-1'] },
    ];
    const problems: string[] = [];
    const checked: string[] = [];
    // Both widths at once, each in its own browser context (axe is most of the time, and each page's
    // renderer takes a core); each walk of the form keeps a draft of its own.
    const widths = [['desktop', DESKTOP], ['phone', PHONE]] as const;
    await Promise.all(widths.map(async ([label, viewport]) => {
      const page = await pageFor(viewport);
      const check = async (name: string) => {
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(screenshotDir(), `${name}-${label}.png`), fullPage: true });
        problems.push(...describeViolations(`${name} (${label})`, await axeViolations(page)));
        for (const control of await unlabelledControls(page)) problems.push(`${name} (${label}): unlabelled ${control}`);
        const overflow = await horizontalOverflow(page);
        if (label === 'phone' && overflow > 0) problems.push(`${name} (phone): ${overflow}px wider than the screen`);
        checked.push(`${name} (${label})`);
      };
      let signedInAs = '';
      for (const shown of pages) {
        const who = shown.as?.join(':') ?? '';
        if (shown.as && who !== signedInAs) {
          await signIn(page, ...shown.as);
          signedInAs = who;
        }
        await page.goto(`${portal}${shown.path}`);
        await page.locator('main h1').first().waitFor();
        if (shown.walk) await shown.walk(page, check);
        else {
          await shown.shows?.(page);
          await check(shown.name);
        }
      }
      await page.context().close();
    }));
    // Each step of the form was checked, at both widths.
    for (const step of ['items', 'you', 'employer', 'job', 'materials', 'check']) expect(checked).toEqual(expect.arrayContaining([`apply-${step} (desktop)`, `apply-${step} (phone)`]));
    expect(problems.join('\n')).toBe('');
  }, 600_000);

  it('the page checks above catch an unlabelled control, a page wider than a phone and what axe finds', async () => {
    const page = await pageFor(PHONE);
    await page.setContent('<html lang="en"><head><title>x</title></head><body><main><h1>x</h1><label for="a">A</label><input id="a"><input id="b"><button>OK</button><p style="color:#aaa;background:#fff">faint</p><div style="width:600px">wide</div></main></body></html>');
    expect(await unlabelledControls(page)).toEqual(['<input id="b">']);
    expect(await horizontalOverflow(page)).toBeGreaterThan(0);
    const violations = await axeViolations(page);
    expect(violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'label', targets: ['#b'] }), expect.objectContaining({ rule: 'color-contrast', impact: 'serious' })]));
    expect(describeViolations('sample', violations).find((line) => line.startsWith('sample: label '))).toContain('#b');
  }, 60_000);

  it('the keyboard reaches the skip link first and it moves focus to the content', async () => {
    const page = await pageFor();
    await page.goto(`${portal}/`);
    await page.locator('main h1').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  }, 60_000);

  const viewCase = (caseId: string) => web.viewCase(caseId);
  const untilCase = (caseId: string, what: string, settled: (view: CaseView) => boolean) => web.untilCase(caseId, what, settled);

  /** Files a case of `identity`: as that applicant, or as `filer` (a clerk at the window) who then uploads its documents. */
  const submitAs = (identity: Person, items: { code: string; action: string }[], options?: { without?: string[]; filer?: string }) => web.submitAs(identity, items, options);
});


/** Who a page is opened as: role, user id, agency, the applicant's identity. */
type SignIn = [Role, string, Agency?, Person?];


/** A small real PDF, different per material so each upload has its own sha256. */
function pdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A JPEG start-of-image marker, enough for the portal's type check. */
function jpeg(label: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF ${label}`)]);
}

/** A PNG signature and header chunk, enough for the portal's type check, different per material. */
function png(label: string): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR${label}`)]);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

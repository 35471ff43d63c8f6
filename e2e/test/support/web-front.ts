import type { Agency, Role } from '@work-permit/auth';
import { eventually } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchChromium } from './browser';
import { applicantToken, type CaseView, PlatformApi, token } from './platform-api';
import { PlatformStack } from './stack';

/** A person as the identity provider verifies them: what an applicant's token carries. */
export interface Person {
  passportNo: string;
  nationality: string;
}

/**
 * The whole platform and Debian's Chromium on it, as the browser tests use them: each page in a
 * browser context of its own (closed after each test, so no session leaks into the next), signed in
 * through the local sign-in page as the identity provider would sign each role in.
 */
export class WebFront {
  readonly stack: PlatformStack;
  readonly api: PlatformApi;
  private browser?: Browser;
  private readonly contexts: BrowserContext[] = [];
  private readonly admin = token('admin');

  constructor(env: Record<string, string> = {}) {
    this.stack = new PlatformStack(env);
    this.api = new PlatformApi(this.stack);
  }

  get portal(): string {
    return this.stack.url('portal');
  }

  async start(): Promise<void> {
    await this.stack.start();
    this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    await this.closePages();
    await this.browser?.close();
    await this.stack.stop();
  }

  async closePages(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
  }

  /** A fresh page, Chinese first as a browser in China asks. */
  async page(viewport = DESKTOP): Promise<Page> {
    if (!this.browser) throw new Error('WebFront.start() first');
    const context = await this.browser.newContext({ viewport, locale: 'zh-CN' });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  /** The local sign-in page: role, agency, user id; an applicant signs in as a person (the identity provider's check). */
  async signIn(page: Page, role: Role, subject: string, agency?: Agency, identity?: Person): Promise<void> {
    await page.goto(`${this.portal}/sign-in`);
    await page.selectOption('#sign-in-role', role);
    if (agency) await page.selectOption('#sign-in-agency', agency);
    if (identity) {
      await page.fill('#sign-in-passport', identity.passportNo);
      await page.fill('#sign-in-nationality', identity.nationality);
    }
    await page.fill('#sign-in-subject', subject);
    await page.click('[data-testid="sign-in-form"] button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  /** Signs in as the account of `identity` (the same subject the API helpers use for that person). */
  signInAs(page: Page, identity: Person): Promise<void> {
    return this.signIn(page, 'applicant', `applicant-${identity.nationality}-${identity.passportNo}`, undefined, identity);
  }

  /** Files a case of `identity` (as that applicant, or as `filer`) through the API, with every document its items ask for, less `without`. */
  async submitAs(identity: Person, items: { code: string; action: string }[], options: { without?: string[]; filer?: string } = {}): Promise<string> {
    const auth = options.filer ?? applicantToken(identity.passportNo, identity.nationality);
    const patch = { 'applicant.passportNo': identity.passportNo, 'applicant.nationality': identity.nationality };
    const response = await fetch(`${this.portal}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify(await this.api.caseBody(items, { ...options, patch, filer: auth })),
    });
    if (response.status !== 201) throw new Error(`submission refused: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { caseId: string }).caseId;
  }

  /** The case as an administrator sees it (any case, whoever submitted it). */
  async viewCase(caseId: string): Promise<CaseView> {
    return (await this.api.call<CaseView>('portal', 'GET', `/api/cases/${caseId}`, { auth: this.admin })).body;
  }

  /** Waits until the case is `settled`, and gives it as it is then. */
  untilCase(caseId: string, what: string, settled: (view: CaseView) => boolean): Promise<CaseView> {
    return eventually(
      async () => {
        const view = await this.viewCase(caseId);
        return settled(view) && view;
      },
      { what, timeoutMs: 90_000, intervalMs: 250 },
    );
  }
}

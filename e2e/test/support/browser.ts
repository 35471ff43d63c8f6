import AxeBuilder from '@axe-core/playwright';
import { eventually } from '@work-permit/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = join(__dirname, '../../..');

/** Debian's Chromium (installed by .ci/run), headless, with nothing reaching out to the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/**
 * Where page screenshots go: `.local/screenshots` on every run, `docs/screenshots` (the README's)
 * when WEB_SCREENSHOTS names it (`npm run screenshots`).
 */
export function screenshotDir(): string {
  const dir = join(ROOT, process.env.WEB_SCREENSHOTS ?? '.local/screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Controls a sighted mouse user can see but a screen reader could not name. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
      .filter((control) => control.getAttribute('type') !== 'hidden' && control.offsetParent !== null)
      .filter((control) => {
        const labelledByFor = control.id && document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
        const wrapped = control.closest('label');
        const aria = control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
        const buttonText = control.tagName === 'BUTTON' && control.textContent?.trim();
        return !(labelledByFor || wrapped || aria || buttonText);
      })
      .map((control) => control.outerHTML.slice(0, 120)),
  );
}

/** How far the page is wider than the viewport (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The WCAG 2.1 levels A and AA, as axe tags them: what every page of the front must pass. */
export const WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  /** The CSS selectors of the failing elements (a frame's path joined by ` >> `). */
  targets: string[];
}

/** What axe finds against WCAG 2.1 A and AA on the page as it is shown now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG21_AA_TAGS).analyze();
  return violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.map((selector) => (Array.isArray(selector) ? selector.join(' ') : String(selector))).join(' >> ')),
  }));
}

/** One line per violation: rule, impact, what it asks and (at most five of) the elements failing it. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string[] {
  return violations.map(({ rule, impact, help, targets }) => `${where}: ${rule} [${impact}] ${help} — ${targets.slice(0, 5).join(', ')}${targets.length > 5 ? ` and ${targets.length - 5} more` : ''}`);
}

/** Waits until the element's text contains `expected` (a page renders after its data arrives). */
export async function expectText(locator: { textContent(): Promise<string | null> }, expected: string, timeoutMs = 10_000): Promise<void> {
  await eventually(async () => (await locator.textContent())?.includes(expected) ?? false, { what: `text "${expected}"`, timeoutMs, intervalMs: 100 });
}

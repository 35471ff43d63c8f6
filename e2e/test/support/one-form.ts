import type { Page } from 'playwright-core';
import type { PlatformApi } from './platform-api';
import type { Person } from './web-front';

/** The step of the guided one form on show (`items`, `reuse`, `you`, …, `check`). */
export function currentStep(page: Page): Promise<string | null> {
  return page.locator('[data-testid="one-form"]').getAttribute('data-step');
}

/** Leaves the step on show forward; resolves once the next one shows (the draft saved and the step found right on the server). */
export async function nextStep(page: Page): Promise<string> {
  const from = await currentStep(page);
  await page.click('[data-testid="step-next"]');
  await page.waitForFunction((previous) => document.querySelector('[data-testid="one-form"]')?.getAttribute('data-step') !== previous, from);
  return (await currentStep(page))!;
}

/** A case body of `identity` for `items` that every rule accepts, flattened to the form's control names, with the documents' dates. */
export async function formValues(
  api: PlatformApi,
  items: { code: string; action: string }[],
  identity: Person,
): Promise<{ values: Record<string, string>; materials: { code: string; issuedAt: string }[] }> {
  const body = await api.caseBody(items, { patch: { 'applicant.passportNo': identity.passportNo, 'applicant.nationality': identity.nationality } });
  const values: Record<string, string> = {};
  const flatten = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, `${prefix}${key}.`);
      else if (!Array.isArray(value)) values[`${prefix}${key}`] = String(value);
    }
  };
  flatten(body, '');
  return { values, materials: (body.materials as { code: string; issuedAt: string }[]).map(({ code, issuedAt }) => ({ code, issuedAt })) };
}

import type { CaseBody } from '@work-permit/agency-review';

/** The social security number the form says the person already has (`holdings.socialSecurityNo`), if any. */
export function declaredSocialSecurityNo(body: CaseBody): string | undefined {
  const holdings = body['holdings'];
  if (typeof holdings !== 'object' || holdings === null) return undefined;
  const value = (holdings as Record<string, unknown>)['socialSecurityNo'];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

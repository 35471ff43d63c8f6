import type { FormField } from '../form/merged-form';
import type { ItemSelection } from '../model/catalogue.model';

export const TODAY = '2026-11-29';

export const FIVE_ITEMS: ItemSelection[] = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
  { code: 'SOCIAL_INSURANCE', action: 'apply' },
  { code: 'PROFESSIONAL_TITLE', action: 'apply' },
  { code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' },
];

/** A case body with every given form field set to its example, nested by path. */
export function exampleBody(fields: Pick<FormField, 'path' | 'example'>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { path, example } of fields) setAt(body, path, example);
  for (const [path, value] of Object.entries(extra)) setAt(body, path, value);
  return body;
}

/** Sets a dotted path, creating the objects on the way. */
export function setAt(body: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = body;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

import type { ItemSelection } from '../../api/types';

/** The actions API.md knows: `issue`, `change`, `extend` for permits, `apply` for the others. */
export const ACTIONS = ['issue', 'change', 'extend', 'apply'] as const;

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * The chosen items from the `items` query value, `WORK_PERMIT:issue,RESIDENCE_PERMIT:issue`.
 * Entries that are not `CODE:action` are dropped; an item named twice keeps its first action.
 */
export function parseSelection(raw: string | null | undefined): ItemSelection[] {
  const items: ItemSelection[] = [];
  for (const entry of (raw ?? '').split(',')) {
    const [code = '', action = '', ...rest] = entry.trim().split(':').map((part) => part.trim());
    if (rest.length > 0 || !CODE.test(code) || !(ACTIONS as readonly string[]).includes(action)) continue;
    if (items.some((item) => item.code === code)) continue;
    items.push({ code, action });
  }
  return items;
}

/** The `items` query value for a selection; `parseSelection` reads it back. */
export function formatSelection(items: readonly ItemSelection[]): string {
  return items.map(({ code, action }) => `${code}:${action}`).join(',');
}

/** Where the one form for a selection is filled in (codes and actions need no escaping). */
export function applyHref(items: readonly ItemSelection[]): string {
  return `/apply?items=${formatSelection(items)}`;
}

/** Back to the catalogue with the same items ticked. */
export function chooseHref(items: readonly ItemSelection[]): string {
  return items.length > 0 ? `/?items=${formatSelection(items)}` : '/';
}

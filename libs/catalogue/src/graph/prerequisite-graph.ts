import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import type { Catalogue, CatalogueItem, ItemCode } from '../model/catalogue.model';

/**
 * The first cycle found in the prerequisite graph, as a path that ends where it starts
 * (`['A', 'B', 'A']`), or undefined. Prerequisites that name no item are ignored here.
 */
export function findPrerequisiteCycle(catalogue: Catalogue): ItemCode[] | undefined {
  const byCode = new Map(catalogue.items.map((item) => [item.code, item]));
  const done = new Set<ItemCode>();
  const path: ItemCode[] = [];
  const visit = (code: ItemCode): ItemCode[] | undefined => {
    const onPath = path.indexOf(code);
    if (onPath >= 0) return [...path.slice(onPath), code];
    const item = byCode.get(code);
    if (done.has(code) || !item) return undefined;
    path.push(code);
    for (const prerequisite of item.prerequisites) {
      const cycle = visit(prerequisite);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(code);
    return undefined;
  };
  for (const item of catalogue.items) {
    const cycle = visit(item.code);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every item code, each after all its prerequisites; otherwise in catalogue order. */
export function topologicalOrder(catalogue: Catalogue): ItemCode[] {
  const cycle = findPrerequisiteCycle(catalogue);
  if (cycle) throw new CatalogueError(CatalogueErrorCode.PrerequisiteCycle, `The prerequisites of catalogue ${catalogue.version} form a cycle: ${cycle.join(' → ')}`);
  const byCode = new Map(catalogue.items.map((item) => [item.code, item]));
  const order: ItemCode[] = [];
  const place = (item: CatalogueItem) => {
    if (order.includes(item.code)) return;
    for (const code of item.prerequisites) {
      const prerequisite = byCode.get(code);
      if (!prerequisite) {
        throw new CatalogueError(CatalogueErrorCode.InvalidCatalogue, `${item.code} names the prerequisite ${code}, which catalogue ${catalogue.version} does not define`);
      }
      place(prerequisite);
    }
    order.push(item.code);
  };
  catalogue.items.forEach(place);
  return order;
}

/**
 * The items that wait for `code`, in topological order: directly and through other items by
 * default (what a rejection of `code` terminates), or only directly.
 */
export function dependantsOf(catalogue: Catalogue, code: ItemCode, options: { directOnly?: boolean } = {}): ItemCode[] {
  if (!catalogue.items.some((item) => item.code === code)) {
    throw new CatalogueError(CatalogueErrorCode.InvalidArgument, `${code} is not an item of catalogue ${catalogue.version}`);
  }
  const dependants = new Set<ItemCode>();
  let frontier = [code];
  while (frontier.length > 0) {
    const next = catalogue.items.filter((item) => !dependants.has(item.code) && item.prerequisites.some((p) => frontier.includes(p))).map((item) => item.code);
    next.forEach((c) => dependants.add(c));
    frontier = options.directOnly ? [] : next;
  }
  return topologicalOrder(catalogue).filter((c) => dependants.has(c));
}

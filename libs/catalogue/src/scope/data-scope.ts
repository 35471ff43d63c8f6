import type { Catalogue, CatalogueItem, DataReader } from '../model/catalogue.model';
import { conditionFields } from '../conditions/field-condition';
import { stepsOf, stepUsesOf } from '../review/case-items';

/**
 * A scope is a list of patterns over the keys of a person's data — form paths (`applicant.surname`),
 * documents (`materials.NO_CRIMINAL_RECORD`) and decided items (`permits.WORK_PERMIT`): an exact key,
 * a prefix ending in `*` (`employer.*`, `*`), or either preceded by `!` to withhold what another
 * pattern released. A key is released when some plain pattern matches it and no `!` pattern does.
 */
export type ScopePatterns = readonly string[];

export const SCOPE_PATTERN = /^!?(\*|[A-Za-z][A-Za-z0-9_]*(\.([A-Za-z0-9_]+|\*))*(\.\*)?)$/;

export function isReleased(patterns: ScopePatterns, key: string): boolean {
  let released = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matches(pattern.slice(1), key)) return false;
    } else if (!released && matches(pattern, key)) {
      released = true;
    }
  }
  return released;
}

function matches(pattern: string, key: string): boolean {
  return pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : pattern === key;
}

/** What one reader may see of a person's data, and the filters that apply it to a case body and its documents. */
export class DataScope {
  constructor(
    readonly reader: DataReader,
    readonly patterns: ScopePatterns,
  ) {}

  releases(key: string): boolean {
    return isReleased(this.patterns, key);
  }

  releasesMaterial(code: string): boolean {
    return this.releases(`materials.${code}`);
  }

  /** The case body with every field outside the scope left out (sections left empty are dropped). */
  filterBody<B extends Record<string, unknown>>(body: B): B {
    const kept: Record<string, unknown> = {};
    for (const [section, value] of Object.entries(body)) {
      if (section === 'items' || section === 'materials') continue;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        if (this.releases(section)) kept[section] = value;
        continue;
      }
      const fields = Object.entries(value as Record<string, unknown>).filter(([field]) => this.releases(`${section}.${field}`));
      if (fields.length > 0) kept[section] = Object.fromEntries(fields);
    }
    return kept as B;
  }

  filterMaterials<M extends { code: string }>(materials: readonly M[]): M[] {
    return materials.filter((material) => this.releasesMaterial(material.code));
  }
}

/**
 * The data scope of an agency, derived from the catalogue: every field and document its own items
 * and steps ask for in any action, the held-item evidence of their prerequisites, their own and
 * their prerequisites' and steps' outcomes (`permits.<CODE>`), every field a conditional step's
 * condition reads (every agency works out which items a case involves, `caseItems`, so each must see
 * whether the step runs), plus the catalogue's named extras. A new item widens its agency's scope by
 * data alone. Analysts get the catalogue's statistical scope.
 */
export function dataScopeOf(catalogue: Catalogue, reader: DataReader): DataScope {
  // Catalogues are immutable: each reader's scope is derived once per catalogue, then every door reuses it.
  let scopes = derived.get(catalogue);
  if (!scopes) derived.set(catalogue, (scopes = new Map()));
  let scope = scopes.get(reader);
  if (!scope) scopes.set(reader, (scope = deriveScope(catalogue, reader)));
  return scope;
}

const derived = new WeakMap<Catalogue, Map<DataReader, DataScope>>();

function deriveScope(catalogue: Catalogue, reader: DataReader): DataScope {
  if (reader === 'analyst') return new DataScope(reader, [...catalogue.dataScopes.analyst]);
  const keys = new Set<string>();
  const byCode = new Map(catalogue.items.map((item) => [item.code, item]));
  for (const item of catalogue.items.filter((candidate) => candidate.agency === reader)) {
    keys.add(`permits.${item.code}`);
    for (const action of item.actions) {
      action.fields.forEach((field) => keys.add(field.path));
      action.materials.forEach((material) => keys.add(`materials.${material.code}`));
      stepsOf(catalogue, item, action.action).forEach((step) => keys.add(`permits.${step.code}`));
    }
    for (const prerequisite of item.prerequisites.map((code) => byCode.get(code)).filter((found): found is CatalogueItem => found !== undefined)) {
      keys.add(`permits.${prerequisite.code}`);
      if (prerequisite.heldEvidenceField) keys.add(prerequisite.heldEvidenceField);
      if (prerequisite.heldValidToField) keys.add(prerequisite.heldValidToField);
    }
  }
  for (const item of catalogue.items) {
    for (const action of item.actions) stepUsesOf(catalogue, item, action.action).forEach((use) => conditionFields(use.when).forEach((path) => keys.add(path)));
  }
  for (const extra of catalogue.dataScopes.extras[reader] ?? []) extra.keys.forEach((key) => keys.add(key));
  return new DataScope(reader, [...keys].sort());
}

/** Every reader's scope of a catalogue, e.g. for the README table and the boot-time check. */
export function dataScopesOf(catalogue: Catalogue): Record<DataReader, DataScope> {
  const readers: DataReader[] = [...catalogue.agencies.map((agency) => agency.code), 'analyst'];
  return Object.fromEntries(readers.map((reader) => [reader, dataScopeOf(catalogue, reader)])) as Record<DataReader, DataScope>;
}

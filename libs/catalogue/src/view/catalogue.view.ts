import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import type { AgencyCode, Catalogue, CatalogueItem, FeeRule, FilingWindow, ItemAction, ItemCode, Lang, TimeLimit } from '../model/catalogue.model';

export interface TimeLimitView {
  amount: number;
  /** `working_days` for every item but the residence permit, whose statutory limit is in calendar days. */
  unit: TimeLimit['unit'];
  note?: string;
}

export type FeeView =
  | { kind: 'free'; note?: string }
  /** `fromMonths` inclusive, `belowMonths` exclusive, of the validity granted. */
  | { kind: 'by_validity'; bands: { fromMonths: number; belowMonths: number; feeCny: number }[]; note?: string };

export type FilingWindowView =
  /** Without `maxDays`: any time up to `minDays` days before expiry. */
  | { kind: 'before_expiry'; field: string; minDays: number; maxDays?: number }
  | { kind: 'after_event'; field: string; maxDays: number };

export interface ActionView {
  action: ItemAction;
  name: string;
  timeLimit?: TimeLimitView;
  window?: FilingWindowView;
  materials: { code: string; name: string; required: boolean; condition?: string; validityMonths?: number }[];
}

/** One item as `GET /api/catalogue` shows it, in one language. */
export interface CatalogueItemView {
  code: ItemCode;
  kind: CatalogueItem['kind'];
  name: string;
  agency: { code: AgencyCode; name: string };
  supportingSystem: string;
  actions: ActionView[];
  prerequisites: { code: ItemCode; name: string; kind: CatalogueItem['kind'] }[];
  /** The form fields that show this item is already held, so its dependants may be chosen without it. */
  heldEvidenceFields?: string[];
  timeLimit: TimeLimitView;
  fee: FeeView;
  /** Every document any action of the item asks, with the actions asking it. */
  materials: { code: string; name: string; validityMonths?: number; actions: ItemAction[] }[];
  legalBasis: string[];
  conditions: string[];
  result: string;
  manualByDefault: boolean;
}

export interface CatalogueView {
  catalogueVersion: string;
  effectiveFrom: string;
  lang: Lang;
  /** The items an applicant may choose (basic and extended). */
  items: CatalogueItemView[];
  /** Steps that run inside the items needing them (talent category, list screening); not chosen. */
  steps: CatalogueItemView[];
}

const LANGS: readonly string[] = ['zh', 'en'];

/** The catalogue in one language for `GET /api/catalogue?lang=`. */
export function describeCatalogue(catalogue: Catalogue, lang: Lang = 'zh'): CatalogueView {
  if (!LANGS.includes(lang)) throw new CatalogueError(CatalogueErrorCode.InvalidArgument, `Unsupported language ${String(lang)}; use zh or en`);
  const views = catalogue.items.map((item) => describeItem(catalogue, item, lang));
  return {
    catalogueVersion: catalogue.version,
    effectiveFrom: catalogue.effectiveFrom,
    lang,
    items: views.filter((view) => view.kind !== 'step'),
    steps: views.filter((view) => view.kind === 'step'),
  };
}

function describeItem(catalogue: Catalogue, item: CatalogueItem, lang: Lang): CatalogueItemView {
  const material = (code: string) => catalogue.materials.find((m) => m.code === code);
  const agency = catalogue.agencies.find((a) => a.code === item.agency);
  const materials = new Map<string, CatalogueItemView['materials'][number]>();
  for (const action of item.actions) {
    for (const use of action.materials) {
      const definition = material(use.code);
      const entry = materials.get(use.code) ?? {
        code: use.code,
        name: definition?.name[lang] ?? use.code,
        ...(definition?.validityMonths !== undefined ? { validityMonths: definition.validityMonths } : {}),
        actions: [],
      };
      entry.actions.push(action.action);
      materials.set(use.code, entry);
    }
  }
  const held = [item.heldEvidenceField, item.heldValidToField].filter((path): path is string => path !== undefined);
  return {
    code: item.code,
    kind: item.kind,
    name: item.name[lang],
    agency: { code: item.agency, name: agency?.name[lang] ?? item.agency },
    supportingSystem: item.supportingSystem[lang],
    actions: item.actions.map((action) => ({
      action: action.action,
      name: action.name[lang],
      ...(action.timeLimit ? { timeLimit: describeTimeLimit(action.timeLimit, lang) } : {}),
      ...(action.window ? { window: describeWindow(action.window) } : {}),
      materials: action.materials.map((use) => {
        const definition = material(use.code);
        return {
          code: use.code,
          name: definition?.name[lang] ?? use.code,
          required: use.required,
          ...(use.condition ? { condition: use.condition[lang] } : {}),
          ...(definition?.validityMonths !== undefined ? { validityMonths: definition.validityMonths } : {}),
        };
      }),
    })),
    prerequisites: item.prerequisites.map((code) => {
      const prerequisite = catalogue.items.find((candidate) => candidate.code === code);
      return { code, name: prerequisite?.name[lang] ?? code, kind: prerequisite?.kind ?? 'basic' };
    }),
    ...(held.length > 0 ? { heldEvidenceFields: held } : {}),
    timeLimit: describeTimeLimit(item.timeLimit, lang),
    fee: describeFee(item.fee, lang),
    materials: [...materials.values()],
    legalBasis: item.legalBasis.map((basis) => basis[lang]),
    conditions: item.conditions.map((condition) => condition[lang]),
    result: item.result[lang],
    manualByDefault: item.manualByDefault,
  };
}

function describeTimeLimit(limit: TimeLimit, lang: Lang): TimeLimitView {
  return { amount: limit.amount, unit: limit.unit, ...(limit.note ? { note: limit.note[lang] } : {}) };
}

function describeFee(fee: FeeRule, lang: Lang): FeeView {
  const note = fee.note ? { note: fee.note[lang] } : {};
  if (fee.kind === 'free') return { kind: 'free', ...note };
  const bands = [...fee.bands].sort((a, b) => a.belowMonths - b.belowMonths);
  return {
    kind: 'by_validity',
    bands: bands.map((band, index) => ({ fromMonths: index === 0 ? 0 : bands[index - 1].belowMonths, belowMonths: band.belowMonths, feeCny: band.feeCny })),
    ...note,
  };
}

function describeWindow(window: FilingWindow): FilingWindowView {
  return window.kind === 'before_expiry'
    ? { kind: 'before_expiry', field: window.expiryField, minDays: window.minDays, ...(window.maxDays !== undefined && { maxDays: window.maxDays }) }
    : { kind: 'after_event', field: window.eventDateField, maxDays: window.maxDays };
}

/**
 * The shape of the catalogue: the single source of truth for every item of the "one thing" — its
 * basic elements (legal basis, acceptance conditions, materials, time limit, fee, result, owning
 * agency, supporting system), its form fields and the pre/post relations between items.
 * Plain data: no framework imports.
 */
import type { CatalogueParameters } from './catalogue-parameters.model';

export type Lang = 'zh' | 'en';

export interface Localized {
  zh: string;
  en: string;
}

/** The agencies, as in tokens' `agency` claim. */
export type AgencyCode = 'approval' | 'scitech' | 'psb' | 'hrss' | 'bigdata';

/** Item codes are data: adding an extended item adds a code, not a type. */
export type ItemCode = string;

export type ItemAction = 'issue' | 'change' | 'extend' | 'apply';

export interface TimeLimit {
  amount: number;
  unit: 'working_days' | 'calendar_days';
  /** e.g. "5 working days for category A" — shown in guides. */
  note?: Localized;
}

/** One fee band: applies to a validity (in whole months) below `belowMonths`. */
export interface FeeBand {
  belowMonths: number;
  feeCny: number;
}

export type FeeRule =
  | { kind: 'free'; note?: Localized }
  /** Fee by the validity granted: the first band whose `belowMonths` exceeds the validity applies. */
  | { kind: 'by_validity'; bands: FeeBand[]; note?: Localized };

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'enum';

/** A check on one field's value; evaluated by `validateCaseBody` and shown by the form. */
export type FieldRule =
  | { kind: 'pattern'; pattern: string; message: Localized }
  | { kind: 'iso3166Alpha3' }
  /** 18-character unified social credit code with its GB 32100-2015 check character. */
  | { kind: 'uscc' }
  | { kind: 'email' }
  | { kind: 'phone' }
  | { kind: 'min'; value: number }
  | { kind: 'max'; value: number }
  | { kind: 'maxLength'; value: number }
  /** A date not later than the day of submission (birth date, issue dates). */
  | { kind: 'notInFuture' }
  /** A date not earlier than the day of submission (passport expiry). */
  | { kind: 'notInPast' }
  /** A date strictly after another field's date (contract end after contract start). */
  | { kind: 'after'; field: string };

export interface FieldOption {
  value: string;
  label: Localized;
}

export interface FieldDefinition {
  /** Dotted path in the case body, e.g. `applicant.passportNo`. */
  path: string;
  type: FieldType;
  label: Localized;
  options?: FieldOption[];
  rules: FieldRule[];
  /** A value that passes validation. */
  example: string | number | boolean;
  help?: Localized;
}

export interface MaterialDefinition {
  code: string;
  name: Localized;
  /** "Issued within N months" at submission. */
  validityMonths?: number;
  description?: Localized;
  /**
   * The item whose result stands for this document (the work permit for "work permit proof"): when
   * that item is chosen in the same case the agencies take the result through data sharing, so the
   * merged form does not ask for the document.
   */
  producedBy?: ItemCode;
}

/** When a change or extension may be filed, read from the form. */
export type FilingWindow =
  /**
   * At least `minDays` days before the expiry date in `expiryField`, and not earlier than `maxDays`
   * days before it when the law sets an opening (without `maxDays`, any time before).
   */
  | { kind: 'before_expiry'; expiryField: string; minDays: number; maxDays?: number }
  /** Within `maxDays` days after the date in `eventDateField` (e.g. the change of passport). */
  | { kind: 'after_event'; eventDateField: string; maxDays: number };

/** A value a field test compares with: what an enum, string, number or boolean field holds. */
export type FieldScalar = string | number | boolean;

/**
 * One test on one field of the case body (a dotted path the action asks for). A condition is a list
 * of them, holding when every one holds (`conditionHolds`).
 */
export type FieldTest =
  /** The field is filled in (`true`) or left empty (`false`). */
  | { field: string; present: boolean }
  | { field: string; equals: FieldScalar }
  | { field: string; oneOf: readonly FieldScalar[] }
  /** A date field (a birth date): the age in whole years on the day of review is within both ends, included. */
  | { field: string; ageFrom: number; ageTo: number };

/** A document an action asks for: always (`required`), or only when its condition holds. */
export interface MaterialUse {
  code: string;
  required: boolean;
  /** The condition in words, for the guide and the form (`onlyWhen`); set together with `when`. */
  condition?: Localized;
  /** The condition as the agencies test it on the case body: the document is required when every test holds. */
  when?: readonly FieldTest[];
}

/** A step an action runs: always, or only when its condition holds on the case body. */
export interface StepUse {
  code: ItemCode;
  /** Tests on fields of the running action; a step's condition never depends on the day. */
  when?: readonly FieldTest[];
}

export interface ItemActionDefinition {
  action: ItemAction;
  name: Localized;
  /** The form fields this action needs. */
  fields: { path: string; required: boolean }[];
  materials: MaterialUse[];
  window?: FilingWindow;
  timeLimit?: TimeLimit;
  /**
   * The steps (talent category, list screening) this action runs; their fields join the form.
   * Default: every step among the item's prerequisites, always.
   */
  steps?: StepUse[];
}

/**
 * The law's own limit for deciding an item (法定期限), counted like `timeLimit` from the day the item
 * can be accepted, supplement pauses excluded. The owning agency may extend it once by
 * `extendableBy` (same unit); when it runs out undecided, the item is escalated to the lead agency.
 */
export interface StatutoryLimit extends TimeLimit {
  extendableBy?: number;
}

/** How an item is served, beyond its legal elements: for the service guide (办事指南). */
export interface ItemServiceFacts {
  /** The item's code in the province's list of government services (事项编码). */
  registeredCode: string;
  /** How its fee is paid; absent for a free item. */
  payment?: Localized;
}

/** Where the one thing is done in person and how to ask about it (the guides' 办理地点, 办理时间, 咨询电话, 网上办理). */
export interface ServiceWindow {
  place: Localized;
  hours: Localized;
  phone: string;
  online: Localized;
}

export interface CatalogueItem {
  code: ItemCode;
  /** `basic` and `extended` items are chosen by applicants; `step`s (talent category, list screening) run inside the flow. */
  kind: 'basic' | 'extended' | 'step';
  name: Localized;
  agency: AgencyCode;
  supportingSystem: Localized;
  legalBasis: Localized[];
  conditions: Localized[];
  result: Localized;
  timeLimit: TimeLimit;
  fee: FeeRule;
  /** Items that must be granted (or already held) before this one is decided. */
  prerequisites: ItemCode[];
  /** The form field that shows the item is already held, so a dependant may be chosen without it. */
  heldEvidenceField?: string;
  /** The date field until which the held item is valid; evidence expired on the day of submission does not count. */
  heldValidToField?: string;
  /** The law's decision limit when it differs from the promised `timeLimit` (the work permit's 20 + 10 working days). */
  statutoryLimit?: StatutoryLimit;
  /** Decided by an officer by default (MANUAL_ITEMS may add more). */
  manualByDefault: boolean;
  /** How a selectable item is served (registered code, payment); steps have none. */
  service?: ItemServiceFacts;
  actions: ItemActionDefinition[];
}

/** What a case asks for: one entry per chosen item. */
export interface ItemSelection {
  code: ItemCode;
  action: ItemAction;
}

export interface AgencyDefinition {
  code: AgencyCode;
  name: Localized;
}

/** Who reads a person's data: an agency's officers, or the Big Data Bureau's analysts (statistics). */
export type DataReader = AgencyCode | 'analyst';

/** A reason, in words, why a reader sees data beyond what its own items ask for. */
export interface ScopeExtra {
  /** Record keys or patterns (`applicant.education`, `materials.HIGHEST_DEGREE`, `employer.*`). */
  keys: string[];
  why: Localized;
}

/**
 * The data scopes' part that is not derived from the items: what each agency sees besides the fields
 * and documents its own items and steps ask for, and the analysts' whole scope.
 */
export interface DataScopeDefinitions {
  extras: Partial<Record<AgencyCode, ScopeExtra[]>>;
  /** Statistics need who is employed where and with what outcome, never names, contacts or documents. */
  analyst: string[];
}

export interface Catalogue {
  /** e.g. `2026.1`; a case keeps the version it was submitted under. */
  version: string;
  effectiveFrom: string;
  agencies: AgencyDefinition[];
  items: CatalogueItem[];
  fields: FieldDefinition[];
  materials: MaterialDefinition[];
  /** Every number the agencies' rules use, once (points table, thresholds, fees, windows). */
  parameters: CatalogueParameters;
  /** Who sees which of a person's data beyond their own items' needs; see `dataScopeOf`. */
  dataScopes: DataScopeDefinitions;
  /** The one window and the online entry of the one thing. */
  serviceWindow: ServiceWindow;
}

export type { CatalogueParameters } from './catalogue-parameters.model';

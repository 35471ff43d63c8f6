import type { AgencyCode, CatalogueItem, ItemAction, ItemCode, Lang } from '../model/catalogue.model';

export interface GuideSection<Id extends string = string> {
  id: Id;
  heading: string;
  /** One line each, plain text (no markup). */
  items: string[];
}

export type ServiceGuideSectionId =
  | 'item'
  | 'service'
  | 'legalBasis'
  | 'conditions'
  | 'materials'
  | 'timeLimit'
  | 'fee'
  | 'result'
  | 'supportingSystem'
  | 'prerequisites'
  | 'filingWindows';

/** The service guide (办事指南) of one selectable item, generated from the catalogue. */
export interface ServiceGuide {
  code: ItemCode;
  lang: Lang;
  catalogueVersion: string;
  title: string;
  sections: GuideSection<ServiceGuideSectionId>[];
  markdown: string;
}

export type OneThingSectionId = 'scope' | 'service' | 'applicants' | 'materials' | 'timeLimitsAndFees' | 'approvalOrder' | 'flowChart';

export interface GuideItemRef {
  code: ItemCode;
  name: string;
  agency: AgencyCode;
  agencyName: string;
}

/** One entry of the de-duplicated materials list: submitted once, used by every item listed. */
export interface OneThingMaterial {
  code: string;
  name: string;
  validityMonths?: number;
  /** False when every item asks for it only in some cases, given by `condition`. */
  required: boolean;
  condition?: string;
  items: GuideItemRef[];
}

/** What one form and one set of materials save against applying for each item on its own (`mergeForm`). */
export interface OneThingReduction {
  fieldsSeparate: number;
  fieldsMerged: number;
  materialsSeparate: number;
  materialsMerged: number;
}

/**
 * One stage of the approval order. Stage 1 is submission and pre-review; the others follow the
 * prerequisite graph: every item of a stage runs in parallel and waits only for `waitsFor`.
 */
export interface ApprovalStage {
  stage: number;
  items: (GuideItemRef & { kind: CatalogueItem['kind'] })[];
  waitsFor: GuideItemRef[];
  parallel: boolean;
}

export interface FlowChart {
  /** Mermaid `flowchart` source. */
  mermaid: string;
  /** Graphviz DOT source, laid out by `renderFlowChartSvg`. */
  dot: string;
}

/** The combined guide of the "one thing": scope, applicants, one materials list, order, flow chart. */
export interface OneThingGuide {
  lang: Lang;
  catalogueVersion: string;
  title: string;
  items: (GuideItemRef & { kind: CatalogueItem['kind']; actions: { action: ItemAction; name: string }[]; timeLimit: string; fee: string[] })[];
  materials: OneThingMaterial[];
  reduction: OneThingReduction;
  approvalOrder: ApprovalStage[];
  sections: GuideSection<OneThingSectionId>[];
  flowChart: { mermaid: string; svg: string };
  markdown: string;
}

/** Lays out DOT source as an SVG document. */
export type DotRenderer = (dot: string) => Promise<string>;

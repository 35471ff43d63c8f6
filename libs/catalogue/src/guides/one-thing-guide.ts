import type { Catalogue, CatalogueItem, ItemSelection, Lang } from '../model/catalogue.model';
import { flowChart } from './flow-chart';
import { renderDotToSvg } from './flow-chart-renderer';
import {
  agenciesOf,
  agencyName,
  assertLang,
  formatFee,
  formatTimeLimit,
  isSelectable,
  itemRef,
  prerequisiteLayers,
  requireItem,
  sectionsToMarkdown,
  windowLines,
} from './guide-format';
import { KIND_LABELS, ONE_THING_HEADINGS, PHRASES } from './guide-labels';
import { mergeForm } from '../form/merged-form';
import type { ApprovalStage, DotRenderer, GuideSection, OneThingGuide, OneThingMaterial, OneThingReduction, OneThingSectionId } from './guide.types';

export interface OneThingGuideOptions {
  /** Lays out the flow chart; Graphviz in a worker thread by default. */
  renderDot?: DotRenderer;
}

/**
 * The combined guide of the "one thing": what it covers, who may apply, one de-duplicated set of
 * materials, time limits and fees, the parallel-approval order and the flow chart.
 */
export async function oneThingGuide(catalogue: Catalogue, lang: Lang, options: OneThingGuideOptions = {}): Promise<OneThingGuide> {
  assertLang(lang);
  const p = PHRASES[lang];
  const selectable = catalogue.items.filter(isSelectable);
  const steps = catalogue.items.filter((item) => !isSelectable(item));

  const items = selectable.map((item) => ({
    ...itemRef(catalogue, item, lang),
    kind: item.kind,
    actions: item.actions.map((a) => ({ action: a.action, name: a.name[lang] })),
    timeLimit: formatTimeLimit(item.timeLimit, lang),
    fee: formatFee(item.fee, lang),
  }));
  const { materials, reduction } = mergedMaterials(catalogue, firstApplication(selectable), lang);
  const approvalOrder = approvalStages(catalogue, lang);
  const chart = flowChart(catalogue, lang);
  const svg = await (options.renderDot ?? renderDotToSvg)(chart.dot);

  const section = (id: OneThingSectionId, lines: string[]): GuideSection<OneThingSectionId> => ({ id, heading: ONE_THING_HEADINGS[id][lang], items: lines });
  const stageLines = [
    p.stageSubmission(agenciesOf(selectable).map((agency) => agencyName(catalogue, agency, lang))),
    ...approvalOrder.map((stage) =>
      p.stage(
        stage.stage,
        stage.items.map((item) => item.name + p.aside(item.agencyName)),
        stage.waitsFor.map((item) => item.name),
        stage.parallel,
      ),
    ),
    p.stageNotification(approvalOrder.length + 2),
  ];
  const sections = [
    section('scope', [
      ...items.map((item) => p.scopeLine(KIND_LABELS[item.kind][lang], item.name, item.actions.map((a) => a.name), item.agencyName)),
      ...(steps.length > 0 ? [p.steps(steps.map((step) => step.name[lang] + p.aside(agencyName(catalogue, step.agency, lang))))] : []),
    ]),
    section('service', windowLines(catalogue, lang)),
    section('applicants', p.applicants),
    section('materials', [...materials.map((m) => materialLine(m, lang)), p.reduction(reduction), p.materialsScope]),
    section(
      'timeLimitsAndFees',
      items.map((item) => {
        const promised = catalogue.parameters.serviceCommitments[item.code];
        const time = promised?.promisedWorkingDays !== undefined ? [item.timeLimit, p.promisedLimit(p.days(promised.promisedWorkingDays, 'working_days'))].join(lang === 'zh' ? '；' : '; ') : item.timeLimit;
        return p.itemTimeAndFee(item.name, time, item.fee);
      }),
    ),
    section('approvalOrder', stageLines),
    section('flowChart', [p.flowChartSee]),
  ];
  const title = p.oneThingTitle;
  return {
    lang,
    catalogueVersion: catalogue.version,
    title,
    items,
    materials,
    reduction,
    approvalOrder,
    sections,
    flowChart: { mermaid: chart.mermaid, svg },
    markdown: sectionsToMarkdown(title, p.catalogueVersion(catalogue.version), sections, { flowChart: '```mermaid\n' + chart.mermaid + '```' }),
  };
}

/** A first application: every selectable item, each with its first action (issue / apply). */
function firstApplication(items: CatalogueItem[]): ItemSelection[] {
  return items.flatMap((item) => {
    const first = item.actions.find((a) => a.action === 'issue' || a.action === 'apply') ?? item.actions[0];
    return first ? [{ code: item.code, action: first.action }] : [];
  });
}

/** The merged form of a first application for everything: each document once, with the items needing it. */
function mergedMaterials(catalogue: Catalogue, selection: ItemSelection[], lang: Lang): { materials: OneThingMaterial[]; reduction: OneThingReduction } {
  const form = mergeForm(catalogue, selection);
  const materials = form.materials.map(
    (material): OneThingMaterial => ({
      code: material.code,
      name: material.name[lang],
      ...(material.validityMonths !== undefined ? { validityMonths: material.validityMonths } : {}),
      required: material.required,
      ...(material.condition ? { condition: material.condition[lang] } : {}),
      items: material.items.map((code) => itemRef(catalogue, requireItem(catalogue, code, `material ${material.code}`), lang)),
    }),
  );
  return { materials, reduction: form.reduction };
}

function materialLine(material: OneThingMaterial, lang: Lang): string {
  const p = PHRASES[lang];
  const qualifiers = [
    ...(material.condition ? [p.onlyWhen(material.condition)] : []),
    ...(material.validityMonths !== undefined ? [p.issuedWithin(material.validityMonths)] : []),
  ];
  const name = qualifiers.length > 0 ? material.name + p.aside(qualifiers.join(lang === 'zh' ? '；' : '; ')) : material.name;
  return p.materialUsedBy(name, material.items.map((item) => item.name));
}

/** Stages after submission, from the prerequisite graph; the members of a stage run in parallel. */
function approvalStages(catalogue: Catalogue, lang: Lang): ApprovalStage[] {
  return prerequisiteLayers(catalogue).map((layer, index) => {
    const waitsFor = [...new Set(layer.flatMap((item) => item.prerequisites))].map((code) => itemRef(catalogue, requireItem(catalogue, code, 'prerequisites'), lang));
    return {
      stage: index + 2,
      items: layer.map((item) => ({ ...itemRef(catalogue, item, lang), kind: item.kind })),
      waitsFor,
      parallel: layer.length > 1,
    };
  });
}

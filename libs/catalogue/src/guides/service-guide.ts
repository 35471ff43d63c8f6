import type { Catalogue, CatalogueItem, ItemCode, Lang } from '../model/catalogue.model';
import { GuideError, GuideErrorCode } from './guide.exception';
import {
  agencyName,
  assertLang,
  findItem,
  formatFee,
  formatFilingWindow,
  formatTimeLimit,
  requireField,
  requireItem,
  requireMaterial,
  sectionsToMarkdown,
  windowLines,
} from './guide-format';
import { KIND_LABELS, PHRASES, SERVICE_GUIDE_HEADINGS } from './guide-labels';
import type { GuideSection, ServiceGuide, ServiceGuideSectionId } from './guide.types';

/** The service guide (办事指南) of one basic or extended item, every line drawn from the catalogue. */
export function serviceGuide(catalogue: Catalogue, code: ItemCode, lang: Lang): ServiceGuide {
  assertLang(lang);
  const item = findItem(catalogue, code);
  if (!item) {
    throw new GuideError(GuideErrorCode.UnknownItem, `No item ${code} in catalogue ${catalogue.version}`);
  }
  if (item.kind === 'step') {
    throw new GuideError(GuideErrorCode.NotAServiceItem, `${code} is a step within the flow, not an item one applies for; it has no service guide`);
  }
  const p = PHRASES[lang];
  const section = (id: ServiceGuideSectionId, items: string[]): GuideSection<ServiceGuideSectionId> => ({
    id,
    heading: SERVICE_GUIDE_HEADINGS[id][lang],
    items,
  });
  const sections = [
    section('item', [
      p.itemName(item.name[lang]),
      p.agency(agencyName(catalogue, item.agency, lang)),
      p.kind(KIND_LABELS[item.kind][lang]),
      p.actions(item.actions.map((a) => a.name[lang])),
    ]),
    section('service', serviceLines(catalogue, item, lang)),
    section('legalBasis', item.legalBasis.map((basis) => basis[lang])),
    section('conditions', item.conditions.map((condition) => condition[lang])),
    section('materials', materialLines(catalogue, item, lang)),
    section('timeLimit', timeLimitLines(item, lang)),
    section('fee', [...formatFee(item.fee, lang), ...(item.service?.payment ? [p.payment(item.service.payment[lang])] : [])]),
    section('result', [item.result[lang]]),
    section('supportingSystem', [item.supportingSystem[lang]]),
    section('prerequisites', prerequisiteLines(catalogue, item, lang)),
    section('filingWindows', filingWindowLines(catalogue, item, lang)),
  ];
  const title = p.serviceGuideTitle(item.name[lang]);
  return {
    code: item.code,
    lang,
    catalogueVersion: catalogue.version,
    title,
    sections,
    markdown: sectionsToMarkdown(title, p.catalogueVersion(catalogue.version), sections),
  };
}

function materialLines(catalogue: Catalogue, item: CatalogueItem, lang: Lang): string[] {
  const p = PHRASES[lang];
  const multipleActions = item.actions.length > 1;
  return item.actions.flatMap((action) => {
    if (action.materials.length === 0) return [p.colon(action.name[lang], p.noMaterials)];
    return action.materials.map((use) => {
      const material = requireMaterial(catalogue, use.code, `${item.code}/${action.action}`);
      // A conditional material is needed whenever its condition holds: the condition says when, not "optional".
      const qualifiers = [use.condition ? p.onlyWhen(use.condition[lang]) : use.required ? p.required : p.optional];
      if (material.validityMonths !== undefined) qualifiers.push(p.issuedWithin(material.validityMonths));
      const line = material.name[lang] + p.aside(qualifiers.join(lang === 'zh' ? '；' : '; '));
      return multipleActions ? p.colon(action.name[lang], line) : line;
    });
  });
}

/** Where and when it is done, the item's code, the statutory and promised limits, the visits: from the catalogue. */
function serviceLines(catalogue: Catalogue, item: CatalogueItem, lang: Lang): string[] {
  const p = PHRASES[lang];
  const { service } = item;
  const commitment = catalogue.parameters.serviceCommitments[item.code];
  if (!service || !commitment) throw new GuideError(GuideErrorCode.InconsistentCatalogue, `${item.code} has no service facts or commitments in catalogue ${catalogue.version}`);
  const statutory = item.statutoryLimit ?? item.timeLimit;
  const days = (amount: number) => p.days(amount, 'working_days');
  return [
    p.registeredCode(service.registeredCode),
    ...windowLines(catalogue, lang),
    p.statutoryLimit(p.days(statutory.amount, statutory.unit) + (item.statutoryLimit?.extendableBy ? p.extendableBy(item.statutoryLimit.extendableBy) : '')),
    p.promisedLimit(commitment.promisedWorkingDays !== undefined ? days(commitment.promisedWorkingDays) : formatTimeLimit(item.timeLimit, lang)),
    p.visits(commitment.maxVisits),
  ];
}

function timeLimitLines(item: CatalogueItem, lang: Lang): string[] {
  const general = formatTimeLimit(item.timeLimit, lang);
  const lines = [general];
  for (const action of item.actions) {
    const own = action.timeLimit && formatTimeLimit(action.timeLimit, lang);
    if (own && own !== general) lines.push(PHRASES[lang].colon(action.name[lang], own));
  }
  return lines;
}

function prerequisiteLines(catalogue: Catalogue, item: CatalogueItem, lang: Lang): string[] {
  const p = PHRASES[lang];
  if (item.prerequisites.length === 0) return [p.noPrerequisites];
  const prerequisites = item.prerequisites.map((code) => requireItem(catalogue, code, `${item.code}.prerequisites`));
  const lines = prerequisites.map((pre) => p.prerequisite(pre.name[lang], agencyName(catalogue, pre.agency, lang), pre.kind === 'step'));
  for (const pre of prerequisites) {
    if (pre.kind === 'step' || !pre.heldEvidenceField) continue;
    const field = requireField(catalogue, pre.heldEvidenceField, `${pre.code}.heldEvidenceField`);
    lines.push(p.heldEvidence(pre.name[lang], field.label[lang]));
  }
  return lines;
}

function filingWindowLines(catalogue: Catalogue, item: CatalogueItem, lang: Lang): string[] {
  const lines = item.actions.flatMap((action) => (action.window ? [formatFilingWindow(catalogue, item, action, action.window, lang)] : []));
  return lines.length > 0 ? lines : [PHRASES[lang].noFilingWindow];
}

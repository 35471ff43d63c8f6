import { type Catalogue, type CatalogueItem, getCatalogue, type ItemAction, type ItemSelection, stepsOf } from '@work-permit/catalogue';
import type { AgencyReviewDefinition, ItemAssessment, ItemResultView } from '../policy/item-policy';
import { exampleCaseFacts, grantedOutcomes, scopedFacts } from './case-facts';

/** Plausible results of every prerequisite an item may wait for, so each policy assesses in full. */
const PREREQUISITE_RESULTS: Record<string, ItemResultView> = {
  TALENT_CATEGORY: { category: 'B', points: 72, attributes: { route: 'degree_and_experience' } },
  ABNORMAL_LIST_SCREENING: {},
  WORK_PERMIT: { permitNo: '137100202600012', validFrom: '2027-01-01', validTo: '2029-12-31', category: 'B', points: 72 },
};

export interface ScopeParity {
  code: string;
  action: ItemAction;
  full: ItemAssessment;
  scoped: ItemAssessment;
}

/**
 * Each of the agency's policies, for every action of its item, assessed on the example case as
 * submitted and on the same case as the agency keeps it (within its data scope). They must agree: a
 * policy that reads a field or document outside its agency's scope would decide differently — then
 * the catalogue must give the agency that key (an item field or a named extra).
 */
export function scopeParity(definition: AgencyReviewDefinition, today = '2026-12-02'): ScopeParity[] {
  const catalogue = getCatalogue();
  return definition.policies.flatMap((policy) => {
    const item = catalogue.items.find((candidate) => candidate.code === policy.code);
    if (!item) throw new Error(`${policy.code} is not in catalogue ${catalogue.version}`);
    return item.actions.map(({ action }) => {
      const full = exampleCaseFacts({ items: selectionFor(catalogue, item, action) });
      const context = { today, parameters: catalogue.parameters, action, prerequisites: grantedOutcomes(PREREQUISITE_RESULTS) };
      return { code: item.code, action, full: policy.assess(full, context), scoped: policy.assess(scopedFacts(full, definition.agency), context) };
    });
  });
}

/** A case that involves the item: the item itself, or for a step the first item action that runs it. */
function selectionFor(catalogue: Catalogue, item: CatalogueItem, action: ItemAction): ItemSelection[] {
  if (item.kind !== 'step') return [{ code: item.code, action }];
  for (const runner of catalogue.items.filter((candidate) => candidate.kind !== 'step')) {
    const runs = runner.actions.find((candidate) => stepsOf(catalogue, runner, candidate.action).some((step) => step.code === item.code));
    if (runs) return [{ code: runner.code, action: runs.action }];
  }
  throw new Error(`no item of catalogue ${catalogue.version} runs the step ${item.code}`);
}

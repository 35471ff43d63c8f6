import { type AgencyCode, CURRENT_CATALOGUE_VERSION, dataScopeOf, getCatalogue, type ItemSelection, mergeForm } from '@work-permit/catalogue';
import { FIVE_ITEMS, setAt } from '@work-permit/catalogue/testing';
import { withinScope } from '../events/event-mapping';
import type { CaseBody, CaseFacts, CaseMaterial, ItemResultView, PrerequisiteOutcome } from '../policy/item-policy';

export const EXAMPLE_SUBMITTED_ON = '2026-11-30';

export { FIVE_ITEMS };

/** Every document the merged form of `items` lists (except those another chosen item produces), issued on `issuedAt`. */
export function exampleMaterials(items: readonly ItemSelection[] = FIVE_ITEMS, issuedAt = '2026-11-02'): CaseMaterial[] {
  const catalogue = getCatalogue(CURRENT_CATALOGUE_VERSION);
  const producedInCase = new Set(items.map((i) => i.code));
  return mergeForm(catalogue, items)
    .materials.filter((m) => {
      const producedBy = catalogue.materials.find((d) => d.code === m.code)?.producedBy;
      return !(producedBy && producedInCase.has(producedBy));
    })
    .map((m, index) => ({ code: m.code, sha256: index.toString(16).padStart(64, 'a'), fileName: `${m.code.toLowerCase()}.pdf`, issuedAt }));
}

/** The case body with every field of the merged form of `items` at its catalogue example. */
export function exampleBody(items: readonly ItemSelection[] = FIVE_ITEMS): CaseBody {
  const body: Record<string, unknown> = {};
  for (const field of mergeForm(getCatalogue(CURRENT_CATALOGUE_VERSION), items).fields) setAt(body, field.path, field.example);
  return body as CaseBody;
}

/** A complete, valid case for `items`; `patch` sets dotted paths of the body (`{ 'applicant.birthDate': '1950-01-01' }`). */
export function exampleCaseFacts(options: { items?: ItemSelection[]; patch?: Record<string, unknown>; materials?: CaseMaterial[]; caseId?: string } = {}): CaseFacts {
  const items = options.items ?? FIVE_ITEMS;
  const body = exampleBody(items);
  for (const [path, value] of Object.entries(options.patch ?? {})) setAt(body, path, value);
  return {
    caseId: options.caseId ?? '0b6f5a8e-2f43-4c1e-9d0a-5b8f3c2a1e77',
    applicantId: 'applicant-DEU-example',
    catalogueVersion: CURRENT_CATALOGUE_VERSION,
    submittedOn: EXAMPLE_SUBMITTED_ON,
    items: items.map((i) => ({ ...i })),
    body,
    materials: options.materials ?? exampleMaterials(items),
  };
}

/** A granted prerequisite with its result, keyed as AssessmentContext.prerequisites wants it. */
export function grantedOutcomes(results: Record<string, ItemResultView>): Map<string, PrerequisiteOutcome> {
  return new Map(Object.entries(results).map(([code, result]) => [code, { code, status: 'granted' as const, result }]));
}

/** The facts as `agency` keeps them: only what its data scope releases (as the workflow stores a case it receives). */
export function scopedFacts(facts: CaseFacts, agency: AgencyCode): CaseFacts {
  return withinScope(facts, dataScopeOf(getCatalogue(facts.catalogueVersion), agency));
}

import { CatalogueError, CatalogueErrorCode } from '../catalogue.exception';
import { findPrerequisiteCycle } from '../graph/prerequisite-graph';
import type { AgencyCode, Catalogue, FieldDefinition, FieldTest, ItemActionDefinition } from '../model/catalogue.model';
import { SCOPE_PATTERN } from '../scope/data-scope';

/**
 * Every inconsistency of a catalogue, one line each: duplicate codes, references to items, fields
 * or materials it does not define, a prerequisite cycle, enum fields without options, filing
 * windows on fields the action does not ask, conditions (of documents and steps) that read fields the
 * action does not ask or compare them with values they cannot hold.
 */
export function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const fields = new Map(catalogue.fields.map((field) => [field.path, field]));
  const materials = new Set(catalogue.materials.map((material) => material.code));
  const items = new Set(catalogue.items.map((item) => item.code));
  const agencies = new Set(catalogue.agencies.map((agency) => agency.code));

  const duplicates = (kind: string, codes: string[]) => {
    const seen = new Set<string>();
    for (const code of codes) {
      if (seen.has(code)) problems.push(`${kind} ${code} is defined more than once`);
      seen.add(code);
    }
  };
  duplicates('item', catalogue.items.map((item) => item.code));
  duplicates('field', catalogue.fields.map((field) => field.path));
  duplicates('material', catalogue.materials.map((material) => material.code));
  duplicates('agency', catalogue.agencies.map((agency) => agency.code));

  const dateField = (path: string | undefined, referrer: string) => {
    if (path === undefined) return;
    const field = fields.get(path);
    if (!field) problems.push(`${referrer} names the field ${path}, which is not defined`);
    else if (field.type !== 'date') problems.push(`${referrer} names ${path}, which is not a date field`);
  };

  for (const item of catalogue.items) {
    if (!agencies.has(item.agency)) problems.push(`${item.code} belongs to the agency ${item.agency}, which is not defined`);
    for (const code of item.prerequisites) {
      if (!items.has(code)) problems.push(`${item.code} names the prerequisite ${code}, which is not defined`);
    }
    for (const action of item.actions) {
      for (const step of action.steps ?? []) {
        if (!item.prerequisites.includes(step.code) || catalogue.items.find((candidate) => candidate.code === step.code)?.kind !== 'step') {
          problems.push(`${item.code}.${action.action} runs ${step.code}, which is not one of its prerequisite steps`);
        }
        if (step.when) {
          const referrer = `${item.code}/${action.action} step ${step.code}`;
          if (step.when.some((test) => 'ageFrom' in test)) problems.push(`${referrer} depends on an age, which changes with the day; a step's condition must not`);
          problems.push(...conditionProblems(step.when, action, fields, referrer));
        }
      }
    }
    if (item.statutoryLimit) {
      const { amount, extendableBy } = item.statutoryLimit;
      if (!(amount > 0)) problems.push(`${item.code}.statutoryLimit must be positive`);
      if (extendableBy !== undefined && !(extendableBy > 0)) problems.push(`${item.code}.statutoryLimit.extendableBy must be positive when given`);
    }
    if (item.heldEvidenceField && !fields.has(item.heldEvidenceField)) {
      problems.push(`${item.code}.heldEvidenceField names the field ${item.heldEvidenceField}, which is not defined`);
    }
    if (item.heldValidToField && !item.heldEvidenceField) problems.push(`${item.code} has heldValidToField without heldEvidenceField`);
    dateField(item.heldValidToField, `${item.code}.heldValidToField`);
    if (item.actions.length === 0) problems.push(`${item.code} offers no action`);
    duplicates(`${item.code} action`, item.actions.map((action) => action.action));

    for (const action of item.actions) {
      const referrer = `${item.code}/${action.action}`;
      duplicates(`${referrer} field`, action.fields.map((field) => field.path));
      duplicates(`${referrer} material`, action.materials.map((material) => material.code));
      for (const { path } of action.fields) {
        if (!fields.has(path)) problems.push(`${referrer} asks the field ${path}, which is not defined`);
      }
      for (const material of action.materials) {
        if (!materials.has(material.code)) problems.push(`${referrer} asks the material ${material.code}, which is not defined`);
        const conditional = `${referrer} material ${material.code}`;
        if (material.required && (material.when || material.condition)) problems.push(`${conditional} is required always and under a condition`);
        if (!material.required && Boolean(material.when?.length) !== Boolean(material.condition)) {
          problems.push(`${conditional} needs its condition both in words and as tests, or neither`);
        }
        if (material.when) problems.push(...conditionProblems(material.when, action, fields, conditional));
      }
      const window = action.window;
      if (window) {
        const path = window.kind === 'before_expiry' ? window.expiryField : window.eventDateField;
        dateField(path, `${referrer} filing window`);
        if (!action.fields.some((field) => field.path === path && field.required)) {
          problems.push(`${referrer} filing window reads ${path}, which the action does not require`);
        }
        if (window.kind === 'before_expiry' && window.maxDays !== undefined && window.minDays > window.maxDays) problems.push(`${referrer} filing window opens after it closes`);
      }
    }
  }

  for (const material of catalogue.materials) {
    if (material.producedBy && !items.has(material.producedBy)) {
      problems.push(`material ${material.code} is produced by ${material.producedBy}, which is not defined`);
    }
  }
  for (const field of catalogue.fields) problems.push(...fieldProblems(field, fields));
  problems.push(...dataScopeProblems(catalogue, { fields, materials, items, agencies }));
  problems.push(...serviceProblems(catalogue));

  const cycle = findPrerequisiteCycle(catalogue);
  if (cycle) problems.push(`the prerequisites form a cycle: ${cycle.join(' → ')}`);
  return problems;
}

/**
 * A condition reads only fields its action asks (so the form offers them and the owner's data scope
 * holds them), and compares them only with values they can hold.
 */
function conditionProblems(tests: readonly FieldTest[], action: ItemActionDefinition, fields: Map<string, FieldDefinition>, referrer: string): string[] {
  const problems: string[] = [];
  for (const test of tests) {
    const field = fields.get(test.field);
    if (!field) {
      problems.push(`${referrer} tests the field ${test.field}, which is not defined`);
      continue;
    }
    if (!action.fields.some((use) => use.path === test.field)) problems.push(`${referrer} tests ${test.field}, which the action does not ask`);
    const values = 'equals' in test ? [test.equals] : 'oneOf' in test ? [...test.oneOf] : [];
    for (const value of values) {
      const fits =
        field.type === 'enum'
          ? (field.options ?? []).some((option) => option.value === value)
          : field.type === 'boolean'
            ? typeof value === 'boolean'
            : field.type === 'number' || field.type === 'integer'
              ? typeof value === 'number'
              : typeof value === 'string';
      if (!fits) problems.push(`${referrer} compares ${test.field} with ${JSON.stringify(value)}, which it cannot hold`);
    }
    if ('ageFrom' in test && field.type !== 'date') problems.push(`${referrer} tests an age on ${test.field}, which is not a date field`);
  }
  return problems;
}

/** Throws a CatalogueError listing every problem of an inconsistent catalogue. */
export function validateCatalogue(catalogue: Catalogue): void {
  const problems = catalogueProblems(catalogue);
  if (problems.length > 0) {
    throw new CatalogueError(CatalogueErrorCode.InvalidCatalogue, `Catalogue ${catalogue.version} is inconsistent: ${problems.join('; ')}`, problems);
  }
}

/** Every item one applies for has its guide's service facts and commitments; a step has none; a fee says how it is paid. */
function serviceProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const commitments = catalogue.parameters.serviceCommitments;
  for (const item of catalogue.items) {
    const commitment = commitments[item.code];
    if (item.kind === 'step') {
      if (item.service || commitment) problems.push(`${item.code} is a step: it has no service facts or commitments of its own`);
      continue;
    }
    if (!item.service) problems.push(`${item.code} has no service facts (registered code) for its guide`);
    if (!commitment) problems.push(`${item.code} has no promised time limit and visits (parameters.serviceCommitments)`);
    if (item.fee.kind !== 'free' && !item.service?.payment) problems.push(`${item.code} charges a fee but does not say how it is paid`);
    const promised = commitment?.promisedWorkingDays;
    if (promised !== undefined && item.timeLimit.unit === 'working_days' && promised >= item.timeLimit.amount) {
      problems.push(`${item.code} promises ${promised} working days, no shorter than its own time limit of ${item.timeLimit.amount}: leave the promise to the time limit`);
    }
  }
  for (const code of Object.keys(commitments)) {
    if (!catalogue.items.some((item) => item.code === code)) problems.push(`parameters.serviceCommitments names ${code}, which is not defined`);
  }
  return problems;
}

/** A scope key that names nothing the catalogue defines would silently release nothing, or a typo's worth. */
function dataScopeProblems(
  catalogue: Catalogue,
  defined: { fields: Map<string, FieldDefinition>; materials: Set<string>; items: Set<string>; agencies: Set<string> },
): string[] {
  const problems: string[] = [];
  const check = (key: string, referrer: string): void => {
    if (!SCOPE_PATTERN.test(key)) {
      problems.push(`${referrer} has the malformed scope pattern ${key}`);
      return;
    }
    const exact = key.replace(/^!/, '');
    if (exact.endsWith('*')) return;
    const [section, name] = exact.split(/\.(.*)/s);
    if (section === 'materials' && !defined.materials.has(name)) problems.push(`${referrer} names the material ${name}, which is not defined`);
    else if (section === 'permits' && !defined.items.has(name)) problems.push(`${referrer} names the item ${name}, which is not defined`);
    else if (section !== 'materials' && section !== 'permits' && !defined.fields.has(exact)) problems.push(`${referrer} names the field ${exact}, which is not defined`);
  };
  for (const [agency, extras] of Object.entries(catalogue.dataScopes.extras)) {
    if (!defined.agencies.has(agency as AgencyCode)) problems.push(`dataScopes.extras names the agency ${agency}, which is not defined`);
    for (const key of (extras ?? []).flatMap((extra) => extra.keys)) check(key, `dataScopes.extras.${agency}`);
  }
  for (const key of catalogue.dataScopes.analyst) check(key, 'dataScopes.analyst');
  return problems;
}

function fieldProblems(field: FieldDefinition, fields: Map<string, FieldDefinition>): string[] {
  const problems: string[] = [];
  if (field.type === 'enum' && !field.options?.length) problems.push(`field ${field.path} is an enum without options`);
  if (field.type !== 'enum' && field.options) problems.push(`field ${field.path} has options but is not an enum`);
  for (const rule of field.rules) {
    if (rule.kind === 'after' && fields.get(rule.field)?.type !== 'date') problems.push(`field ${field.path} must be after ${rule.field}, which is not a date field`);
    if (rule.kind === 'pattern') {
      try {
        new RegExp(rule.pattern);
      } catch {
        problems.push(`field ${field.path} has an invalid pattern ${rule.pattern}`);
      }
    }
  }
  return problems;
}

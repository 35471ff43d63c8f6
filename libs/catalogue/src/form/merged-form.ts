import type { Catalogue, CatalogueItem, FieldDefinition, FieldOption, FieldType, ItemAction, ItemCode, ItemSelection, Localized } from '../model/catalogue.model';
import { fieldPattern } from '../validation/field-value.validator';
import { conditionHolds } from '../conditions/field-condition';
import { stepUsesOf } from '../review/case-items';
import { type Choice, resolveSelection } from './selection.resolver';

/** One field of the merged form (API.md). */
export interface FormField {
  path: string;
  type: FieldType;
  required: boolean;
  label: Localized;
  options?: FieldOption[];
  pattern?: string;
  example: string | number | boolean;
}

/** One document of the merged form, with every chosen item that needs it (API.md, plus `required` and `condition`). */
export interface FormMaterial {
  code: string;
  name: Localized;
  items: ItemCode[];
  validityMonths?: number;
  /** False when every chosen item asks for it only in some cases (`condition`). */
  required: boolean;
  condition?: Localized;
}

export interface FormReduction {
  /** Fields the chosen items would ask, each on its own form, added up. */
  fieldsSeparate: number;
  fieldsMerged: number;
  /** Documents the chosen items would ask, each on its own, added up. */
  materialsSeparate: number;
  materialsMerged: number;
}

export interface MergedForm {
  catalogueVersion: string;
  items: { code: ItemCode; action: ItemAction; name: Localized }[];
  fields: FormField[];
  materials: FormMaterial[];
  reduction: FormReduction;
}

interface FieldUse {
  required: boolean;
  items: ItemCode[];
}

interface MaterialUse {
  required: boolean;
  items: ItemCode[];
  conditions: Localized[];
}

/**
 * The one form for a selection: every field once (required when any chosen action requires it),
 * every document once with the items needing it, and how much merging saved.
 */
export function mergeForm(catalogue: Catalogue, selection: readonly ItemSelection[]): MergedForm {
  const choices = resolveSelection(catalogue, selection);
  const fields = formFields(catalogue, choices);
  const materials = formMaterials(catalogue, choices);
  const alone = choices.map((choice) => [choice]);
  return {
    catalogueVersion: catalogue.version,
    items: choices.map(({ item, action }) => ({ code: item.code, action: action.action, name: item.name })),
    fields,
    materials,
    reduction: {
      fieldsSeparate: sum(alone.map((single) => formFields(catalogue, single).length)),
      fieldsMerged: fields.length,
      materialsSeparate: sum(alone.map((single) => formMaterials(catalogue, single).length)),
      materialsMerged: materials.length,
    },
  };
}

/**
 * Paths of every field the form asks for a resolved selection, for validation. A step that runs only
 * under a condition (the talent category on a change of category) adds its fields as optional, and
 * as the step asks them when `body` meets the condition.
 */
export function formFieldUses(catalogue: Catalogue, choices: Choice[], body?: unknown): Map<string, FieldUse> {
  const uses = new Map<string, FieldUse>();
  const use = (path: string, required: boolean, item: ItemCode) => {
    const entry = uses.get(path) ?? { required: false, items: [] };
    entry.required ||= required;
    if (!entry.items.includes(item)) entry.items.push(item);
    uses.set(path, entry);
  };
  const chosen = new Set(choices.map((choice) => choice.item.code));
  for (const { item, action } of choices) {
    for (const field of action.fields) use(field.path, field.required, item.code);
    // A step that runs inside the item reads its own fields from the same form.
    for (const { code, when } of stepUsesOf(catalogue, item, action.action)) {
      const runs = !when || (body !== undefined && conditionHolds(when, body));
      const step = catalogue.items.find((candidate) => candidate.code === code) as CatalogueItem;
      for (const field of step.actions[0].fields) use(field.path, field.required && runs, item.code);
    }
    // A prerequisite not chosen may be shown as held; whether it must be is checkSelection's call.
    for (const code of item.prerequisites) {
      const prerequisite = catalogue.items.find((candidate) => candidate.code === code);
      if (!prerequisite || prerequisite.kind === 'step' || chosen.has(code)) continue;
      for (const path of [prerequisite.heldEvidenceField, prerequisite.heldValidToField]) {
        if (path) use(path, false, item.code);
      }
    }
  }
  return uses;
}

function formFields(catalogue: Catalogue, choices: Choice[]): FormField[] {
  const uses = formFieldUses(catalogue, choices);
  return catalogue.fields.flatMap((field) => {
    const use = uses.get(field.path);
    return use ? [toFormField(field, use.required)] : [];
  });
}

function toFormField(field: FieldDefinition, required: boolean): FormField {
  const pattern = fieldPattern(field);
  return {
    path: field.path,
    type: field.type,
    required,
    label: field.label,
    ...(field.options ? { options: field.options } : {}),
    ...(pattern ? { pattern } : {}),
    example: field.example,
  };
}

/** Codes of every document the chosen actions name, including those another chosen item produces. */
export function selectionMaterialCodes(choices: Choice[]): Set<string> {
  return new Set(choices.flatMap(({ action }) => action.materials.map((m) => m.code)));
}

function formMaterials(catalogue: Catalogue, choices: Choice[]): FormMaterial[] {
  const chosen = new Set(choices.map((choice) => choice.item.code));
  const uses = new Map<string, MaterialUse>();
  for (const { item, action } of choices) {
    for (const material of action.materials) {
      const entry = uses.get(material.code) ?? { required: false, items: [], conditions: [] };
      entry.required ||= material.required;
      if (!entry.items.includes(item.code)) entry.items.push(item.code);
      if (!material.required && material.condition) entry.conditions.push(material.condition);
      uses.set(material.code, entry);
    }
  }
  return catalogue.materials.flatMap((material) => {
    const use = uses.get(material.code);
    if (!use || (material.producedBy && chosen.has(material.producedBy))) return [];
    const condition = use.required ? undefined : joinConditions(use.conditions);
    return [
      {
        code: material.code,
        name: material.name,
        items: use.items,
        ...(material.validityMonths !== undefined ? { validityMonths: material.validityMonths } : {}),
        required: use.required,
        ...(condition ? { condition } : {}),
      },
    ];
  });
}

function joinConditions(conditions: Localized[]): Localized | undefined {
  if (conditions.length === 0) return undefined;
  const distinct = (lang: keyof Localized) => [...new Set(conditions.map((c) => c[lang]))];
  return { zh: distinct('zh').join('；'), en: distinct('en').join('; ') };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

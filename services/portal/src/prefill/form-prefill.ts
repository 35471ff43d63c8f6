import type { MergedForm } from '@work-permit/catalogue';
import type { PrefillValue } from './applicant-prefill.entity';

export type PrefilledForm = Omit<MergedForm, 'fields'> & { fields: (MergedForm['fields'][number] & { prefill?: PrefillValue })[] };

/** Puts the record's value, with its source, next to each field of the form the record knows. */
export function withPrefill(form: MergedForm, prefill: Readonly<Record<string, PrefillValue>>): PrefilledForm {
  return { ...form, fields: form.fields.map((field) => (prefill[field.path] ? { ...field, prefill: prefill[field.path] } : field)) };
}

import { getCatalogue, type Localized, type MergedForm } from '@work-permit/catalogue';
import { eventDefinitionOf } from '@work-permit/contracts';
import type { PrefillValue } from './applicant-prefill.entity';
import type { PrefillRecord } from './prefill-consent';

/**
 * A fact the form may reuse, as the preview shows it: the value, where it came from (the event type
 * and its case, and in words the agency whose decision set it — null for a value filed with a case),
 * when the record took it, and the record version it is offered from.
 */
export interface PrefillView extends PrefillValue {
  recordVersion: number;
  sourceAgency: { code: string; name: Localized } | null;
}

export type PrefilledForm = Omit<MergedForm, 'fields'> & { fields: (MergedForm['fields'][number] & { prefill?: PrefillView })[] };

/** The Big Data Bureau writes `sharing.*`; every other producer is an agency of the catalogue, or the portal (a filing). */
const AGENCY_OF_PRODUCER: Readonly<Record<string, string>> = { approval: 'approval', scitech: 'scitech', psb: 'psb', hrss: 'hrss', sharing: 'bigdata' };

/** The agency whose event set a value (`approval.item.decided` → approval); null for a case filed through the portal. */
export function sourceAgencyOf(source: string): PrefillView['sourceAgency'] {
  const producer = eventDefinitionOf(source)?.producer ?? source.split('.')[0];
  const code = AGENCY_OF_PRODUCER[producer];
  const agency = code ? getCatalogue().agencies.find((candidate) => candidate.code === code) : undefined;
  return agency ? { code: agency.code, name: agency.name } : null;
}

/** Puts the record's value, with its source and version, next to each field of the form the record knows. */
export function withPrefill(form: MergedForm, record: PrefillRecord | undefined): PrefilledForm {
  if (!record) return form;
  return {
    ...form,
    fields: form.fields.map((field) => {
      const offered = Object.hasOwn(record.fields, field.path) ? record.fields[field.path] : undefined;
      return offered ? { ...field, prefill: { ...offered, recordVersion: record.version, sourceAgency: sourceAgencyOf(offered.source) } } : field;
    }),
  };
}

import type { ItemActionDefinition, Localized } from '../../../model/catalogue.model';

type FieldUse = ItemActionDefinition['fields'][number];
type MaterialUse = ItemActionDefinition['materials'][number];

export const required = (...paths: string[]): FieldUse[] => paths.map((path) => ({ path, required: true }));
export const optional = (...paths: string[]): FieldUse[] => paths.map((path) => ({ path, required: false }));

export const need = (...codes: string[]): MaterialUse[] => codes.map((code) => ({ code, required: true }));
export const onlyWhen = (code: string, condition: Localized): MaterialUse => ({ code, required: false, condition });

/** Who the applicant is, as in the passport: every item asks it. */
export const APPLICANT_IDENTITY = required(
  'applicant.surname',
  'applicant.givenNames',
  'applicant.sex',
  'applicant.birthDate',
  'applicant.nationality',
  'applicant.passportNo',
  'applicant.passportExpiry',
);
export const APPLICANT_CONTACT = required('applicant.email', 'applicant.phone');
export const EMPLOYER = required('employer.uscc', 'employer.name', 'employer.contactName', 'employer.contactPhone', 'employer.address');
export const EMPLOYMENT = required(
  'employment.position',
  'employment.annualSalaryCny',
  'employment.contractStart',
  'employment.contractEnd',
  'employment.monthsPerYearInChina',
  'employment.workLocation',
);
export const TALENT_CLAIMS = optional(
  'talent.recognition',
  'talent.topOverseasUniversity',
  'talent.fortuneGlobal500Employer',
  'talent.patentHolder',
  'talent.continuousWorkInChina',
);

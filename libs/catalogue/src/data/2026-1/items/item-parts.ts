import type { FieldTest, ItemActionDefinition, ItemCode, Localized, MaterialUse, StepUse } from '../../../model/catalogue.model';

type FieldUse = ItemActionDefinition['fields'][number];

export const required = (...paths: string[]): FieldUse[] => paths.map((path) => ({ path, required: true }));
export const optional = (...paths: string[]): FieldUse[] => paths.map((path) => ({ path, required: false }));

export const need = (...codes: string[]): MaterialUse[] => codes.map((code) => ({ code, required: true }));
/** A document required only when every test holds on the case body; `condition` says so in words for the guide and the form. */
export const onlyWhen = (code: string, condition: Localized, ...when: FieldTest[]): MaterialUse => ({ code, required: false, condition, when });

/** A step an action runs, only when every test in `when` holds (always without tests). */
export const step = (code: ItemCode, ...when: FieldTest[]): StepUse => (when.length > 0 ? { code, when } : { code });

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

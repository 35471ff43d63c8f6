/**
 * The case as the bus carries it, read into the work permit rules' own inputs. Paths are the case
 * body's (API.md and the catalogue's fields); the body was validated against the form on submission.
 */
import type { AssessmentContext, CaseBody, CaseFacts } from '@work-permit/agency-review';
import { type Education, message, type TalentCategory } from '@work-permit/catalogue';
import type { IsoDate } from '@work-permit/workdays';
import { type PriorWorkPermit, type TalentClassification, type TalentRoute, type WorkPermitApplication, WorkPermitError, WorkPermitErrorCode } from './domain';

export const TALENT_CATEGORY = 'TALENT_CATEGORY';

const CATEGORIES: readonly TalentCategory[] = ['A', 'B', 'C'];
const ROUTES: readonly TalentRoute[] = ['talent_programme', 'salary_multiple', 'points', 'degree_and_experience', 'other'];

/** The permit the applicant holds now, which a change amends and an extension continues. */
export interface HeldWorkPermit {
  permitNo: string;
  validTo: IsoDate;
}

/** The Science and Technology Bureau's category: the TALENT_CATEGORY outcome's category, points and `attributes.route`. */
export function talentClassification(prerequisites: AssessmentContext['prerequisites']): TalentClassification {
  const result = prerequisites.get(TALENT_CATEGORY)?.result;
  const category = result?.category;
  const points = result?.points;
  const route = result?.attributes?.route;
  if (!isOneOf(CATEGORIES, category) || typeof points !== 'number' || !Number.isFinite(points) || !isOneOf(ROUTES, route)) {
    throw new WorkPermitError(
      WorkPermitErrorCode.InvalidArgument,
      message('work_permit.input.prerequisite_result_invalid', { item: TALENT_CATEGORY, result: JSON.stringify(result) ?? String(result) }),
    );
  }
  return { category, points, route };
}

/** What the rules of a first issue read. */
export function workPermitApplication({ submittedOn, body, materials }: CaseFacts): WorkPermitApplication {
  const { applicant, employment } = body;
  const priorPermit = priorWorkPermit(body);
  return {
    submittedOn,
    applicant: {
      birthDate: applicant.birthDate,
      passportExpiry: applicant.passportExpiry,
      education: applicant.education as Education,
      workExperienceYears: applicant.workExperienceYears,
    },
    employment: { annualSalaryCny: employment.annualSalaryCny, contractStart: employment.contractStart, contractEnd: employment.contractEnd },
    materials: materials.map(({ code, issuedAt }) => ({ code, issuedAt })),
    ...(priorPermit && { priorPermit }),
  };
}

export function heldWorkPermit(body: CaseBody): HeldWorkPermit {
  return { permitNo: requiredText(body, 'holdings', 'workPermitNo'), validTo: requiredText(body, 'holdings', 'workPermitValidTo') };
}

export function changeOccurredOn(body: CaseBody): IsoDate {
  return requiredText(body, 'change', 'occurredOn');
}

/** What a change amends (`change.workPermitItem`): name, passport number, position or category. */
export function changedItem(body: CaseBody): string {
  return requiredText(body, 'change', 'workPermitItem');
}

// The form only declares a number; its validity is unknown here, so the domain treats the waiver as declared.
function priorWorkPermit(body: CaseBody): PriorWorkPermit | undefined {
  const permitNo = textAt(body, 'history', 'previousWorkPermitNo')?.trim();
  return permitNo ? { permitNo } : undefined;
}

function requiredText(body: CaseBody, section: string, field: string): string {
  const value = textAt(body, section, field);
  if (value === undefined || value.trim() === '') {
    throw new WorkPermitError(WorkPermitErrorCode.InvalidArgument, message('work_permit.input.field_missing', { field: `${section}.${field}` }));
  }
  return value;
}

function textAt(body: CaseBody, section: string, field: string): string | undefined {
  const node = body[section];
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

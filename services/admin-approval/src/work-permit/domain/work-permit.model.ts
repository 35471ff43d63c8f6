import type { Education, Message, TalentCategory } from '@work-permit/catalogue';
import type { IsoDate } from '@work-permit/workdays';

/**
 * How the Science and Technology Bureau reached the category, in its wire names. A: talent programme
 * (which covers a recognised achievement), salary multiple or points; B: degree and experience, salary
 * multiple or points; C: `other`, the national quota.
 */
export type TalentRoute = 'talent_programme' | 'salary_multiple' | 'points' | 'degree_and_experience' | 'other';

/** The Science and Technology Bureau's confirmed category, as this service receives it. */
export interface TalentClassification {
  category: TalentCategory;
  points: number;
  route: TalentRoute;
}

/** One document of the case's set of materials (API.md `materials`). */
export interface SubmittedMaterial {
  code: string;
  issuedAt: IsoDate;
}

/** A Chinese work permit the applicant held before: it decides the certificate waiver. */
export interface PriorWorkPermit {
  permitNo: string;
  /** When the shared record or this bureau's own register knows it; without it the waiver is only declared. */
  validTo?: IsoDate;
}

/** What the work permit rules read from a case (the fixed paths of API.md). */
export interface WorkPermitApplication {
  /** The day the case was submitted. */
  submittedOn: IsoDate;
  applicant: {
    birthDate: IsoDate;
    passportExpiry: IsoDate;
    education: Education;
    workExperienceYears: number;
  };
  employment: {
    annualSalaryCny: number;
    contractStart: IsoDate;
    contractEnd: IsoDate;
  };
  materials: readonly SubmittedMaterial[];
  priorPermit?: PriorWorkPermit;
}

export type WorkPermitRule =
  | 'minimum_age'
  | 'category_route'
  | 'category_age_limit'
  | 'no_criminal_record_certificate'
  | 'health_certificate'
  | 'passport_validity'
  | 'contract_term';

export interface RuleFinding {
  rule: WorkPermitRule;
  passed: boolean;
  /** For the applicant and the officer: a message of the catalogue, rendered in the reader's language. */
  message: Message;
  /** The material that answers a failed finding, so the officer can ask for it rather than reject. */
  material?: string;
}

/** Reasons an application goes to an officer even when every rule passed. */
export type WorkPermitFlag =
  /** Category C is admitted within the national quota, which an officer confirms. */
  | 'category_c_quota'
  /** The certificate waiver rests on a prior permit number whose validity nobody has confirmed. */
  | 'prior_permit_unverified'
  /** The contract had already started when the application was filed: possibly work without a permit. */
  | 'contract_started_before_application';

export interface WorkPermitAssessment {
  /** Every finding passed. Flags do not fail an assessment; they only stop an automatic decision. */
  passed: boolean;
  findings: RuleFinding[];
  flags: WorkPermitFlag[];
}

export interface PermitTerm {
  validFrom: IsoDate;
  validTo: IsoDate;
}

/** What a granted work permit carries (API.md). */
export interface WorkPermitResult extends PermitTerm {
  permitNo: string;
  category: TalentCategory;
  points: number;
}

/**
 * What an agency service plugs into the review workflow: one policy per item (or step) it owns.
 * A policy is the bridge between the case as the bus carries it and the agency's own domain rules;
 * the workflow (pre-review, supplements, clocks, prerequisites, decisions, events) is the same for
 * every agency and lives in this library.
 */
import type { AgencyCode, CatalogueParameters, ItemAction, Message } from '@work-permit/catalogue';
import type { IsoDate, TimeLimit } from '@work-permit/workdays';

/** One document of the case: as submitted, or as later supplied for a supplement request. */
export interface CaseMaterial {
  code: string;
  sha256: string;
  fileName: string;
  issuedAt: IsoDate;
}

/** The one form as the agency received it, nested by path exactly as the case body (API.md). */
export interface CaseBody {
  applicant: {
    surname: string;
    givenNames: string;
    sex: string;
    birthDate: IsoDate;
    nationality: string;
    passportNo: string;
    passportExpiry: IsoDate;
    email: string;
    phone: string;
    education: string;
    workExperienceYears: number;
    chineseLevel: string;
    entryDate?: IsoDate;
  };
  employer: { uscc: string; name: string; contactName: string; contactPhone: string; address: string };
  employment: {
    position: string;
    annualSalaryCny: number;
    contractStart: IsoDate;
    contractEnd: IsoDate;
    monthsPerYearInChina: number;
    workLocation: string;
  };
  /** The other sections of the form (holdings, change, history, talent, residence, title), when filled in. */
  [section: string]: unknown;
}

/** The case as an agency sees it. */
export interface CaseFacts {
  caseId: string;
  /** The person in the shared applicant record (stable across cases). */
  applicantId: string;
  catalogueVersion: string;
  /** The day the case was submitted, in China: every time limit counts from it. */
  submittedOn: IsoDate;
  /** Every item chosen in the case, whichever agency owns it. */
  items: { code: string; action: ItemAction }[];
  body: CaseBody;
  /** The documents now on file: the submitted ones, each replaced by a later supplement of the same code. */
  materials: CaseMaterial[];
}

/** What a granted item produced, as API.md's `result`. Only the fields that apply are set. */
export interface ItemResultView {
  permitNo?: string;
  validFrom?: IsoDate;
  validTo?: IsoDate;
  category?: string;
  points?: number;
  feeCny?: number;
  socialSecurityNo?: string;
  /** Anything else the item produces (route, factor scores, card data), as strings. */
  attributes?: Record<string, string>;
}

export type OutcomeStatus = 'granted' | 'rejected' | 'terminated' | 'withdrawn';

/** A prerequisite's final state, from its owner's event or from the form's holdings. */
export interface PrerequisiteOutcome {
  code: string;
  status: OutcomeStatus;
  reason?: Message;
  result: ItemResultView;
  /** Taken from the form's holdings (an existing permit) rather than decided in this case. */
  held?: boolean;
  /** The day (in China) its owner decided it: a dependant's clock starts then. */
  decidedOn?: IsoDate;
}

export interface RuleFinding {
  /** A short, stable rule name (`minimum_age`, `validity_within_work_permit`). */
  rule: string;
  passed: boolean;
  /** In words the applicant and the officer read: a message of the catalogue, rendered in the reader's language. */
  message: Message;
  /** The material that would answer a failed finding, so an officer can ask for it rather than reject. */
  material?: string;
}

export interface ItemAssessment {
  findings: RuleFinding[];
  /** Reasons an officer must decide even though every rule passed (`category_c_quota`). */
  flags: string[];
  /**
   * What a grant produces (permit number, validity, fee…). Absent when the rules cannot work it out
   * (no valid term is left, for instance): the item can then only be rejected.
   */
  result?: ItemResultView;
}

export interface AssessmentContext {
  /** The day of the assessment, in China. */
  today: IsoDate;
  /** The parameters of the catalogue version the case was submitted under. */
  parameters: CatalogueParameters;
  /** The action reviewed for this item in this case. */
  action: ItemAction;
  /** Every prerequisite of the item, each granted (the workflow assesses only then). */
  prerequisites: ReadonlyMap<string, PrerequisiteOutcome>;
}

export interface ItemPolicy {
  /** The catalogue code of the item or step (`WORK_PERMIT`, `TALENT_CATEGORY`). */
  readonly code: string;
  /**
   * The item's time limit once its prerequisites are granted, when it differs from the catalogue's
   * (a category A work permit is reviewed in 5 working days instead of 10). Optional.
   */
  timeLimit?(facts: CaseFacts, context: AssessmentContext): TimeLimit | undefined;
  /** Every rule of the item, as plain functions of the case and the prerequisites' results. */
  assess(facts: CaseFacts, context: AssessmentContext): ItemAssessment;
}

/** What an agency service hands the workflow: who it is and the policies for the items it owns. */
export interface AgencyReviewDefinition {
  agency: Exclude<AgencyCode, 'bigdata'>;
  policies: readonly ItemPolicy[];
  /** The agency that opens and concludes joint reviews (the Administrative Approval Service Bureau). */
  leadsJointReview?: boolean;
}

/**
 * Every number the agencies' rules read (DOMAIN.md), typed. Each is configuration: the catalogue
 * data gives the default, and item texts, time limits, windows and fees are built from these values
 * so that a number appears once.
 */
import type { FeeBand } from './catalogue.model';

export type Education = 'doctorate' | 'master' | 'bachelor' | 'associate' | 'none';

export type ChineseLevel = 'none' | 'HSK1' | 'HSK2' | 'HSK3' | 'HSK4' | 'HSK5' | 'HSK6' | 'chinese-degree';

export type TalentCategory = 'A' | 'B' | 'C';

/** A value scores `points` when it is at least `atLeast`; bands are ordered from the highest `atLeast` down. */
export interface PointsBand {
  atLeast: number;
  points: number;
}

/** Foreigners' work permit points table (interim version). */
export interface PointsTable {
  maximumTotal: number;
  /** Annual salary measured in units of `unitCny` (10,000 RMB). */
  annualSalary: { unitCny: number; bands: PointsBand[] };
  education: Record<Education, number>;
  /** `pointsAtMinimum` from `minimumYears`, plus `pointsPerFurtherYear`, capped at `maximum`; nothing below `minimumYears`. */
  workExperience: { minimumYears: number; pointsAtMinimum: number; pointsPerFurtherYear: number; maximum: number };
  monthsPerYearInChina: { bands: PointsBand[] };
  chineseLevel: Record<ChineseLevel, number>;
  /** Western region, north-east / old industrial bases and special areas score; none of Weihai's locations does. */
  workLocation: { designatedRegionPoints: number; designatedLocations: string[] };
  /** Age in whole years; under the lowest band scores nothing (and is below the minimum age). */
  age: { bands: PointsBand[] };
  /** Top overseas university, Fortune Global 500 employer, patents, long continuous work in China. */
  extras: { maximum: number; continuousWorkInChinaYears: number };
  /** Set by the province; Shandong's rule was not found, so the default is `default` within the range. */
  localBonus: { minimum: number; maximum: number; default: number };
}

export interface TalentClassificationParameters {
  minimumAge: number;
  categoryA: { salaryMultipleOfLocalAverage: number; minimumPoints: number };
  categoryB: {
    minimumEducation: Education;
    minimumExperienceYears: number;
    salaryMultipleOfLocalAverage: number;
    minimumPoints: number;
    maximumAge: number;
  };
}

/** Days before an expiry date within which an extension may be filed (both ends included). */
export interface ExtensionWindowDays {
  /** At the latest this many days before expiry. */
  min: number;
  /** At the earliest this many days before expiry; absent when the law sets no opening. */
  max?: number;
}

export interface WorkPermitParameters {
  reviewWorkingDays: { categoryA: number; other: number };
  decisionWorkingDays: number;
  decisionExtensionWorkingDays: number;
  termCapYears: Record<TalentCategory, number>;
  changeWindowDays: number;
  extensionWindowDays: ExtensionWindowDays;
  /** The employer cancels the permit within this many days of the contract's end. */
  cancellationWindowDays: number;
  /** The permit is for work in China of more than this many days. */
  longTermStayDays: number;
  /** Held a Chinese work permit within this many years → degree and criminal-record certificates waived. */
  priorPermitWaiverYears: number;
}

export interface ResidencePermitParameters {
  decisionCalendarDays: number;
  applyWithinDaysOfEntry: number;
  /** The receipt that stands in for the passport while the application is decided. */
  receiptValidityDays: number;
  validity: { minDays: number; maxMonths: number };
  feeBands: FeeBand[];
  changeWindowDays: number;
  extensionWindowDays: ExtensionWindowDays;
  /** No health certificate under this age or over `healthCertificateExemptOverAge`. */
  healthCertificateExemptUnderAge: number;
  healthCertificateExemptOverAge: number;
  /** Shandong practice for multi-year permits of high-level talent, shown as a note, not a rule. */
  highLevelTalentPracticeWorkingDays: number;
}

/** The five insurances of the Interim Measures (MOHRSS Order No. 16), in the order they are listed there. */
export const SOCIAL_INSURANCES = ['pension', 'medical', 'work_injury', 'unemployment', 'maternity'] as const;

export type SocialInsuranceKind = (typeof SOCIAL_INSURANCES)[number];

/** One bilateral social security agreement: which insurances its nationals are exempt from in China on a coverage certificate. */
export interface SocialSecurityAgreement {
  exempt: readonly SocialInsuranceKind[];
}

export interface SocialInsuranceParameters {
  registerWithinDaysOfPermit: number;
  decisionWorkingDays: number;
  /** The agreements China has in force, by the partner's ISO 3166-1 alpha-3 code. */
  agreements: Readonly<Record<string, SocialSecurityAgreement>>;
}

export interface MaterialValidityParameters {
  noCriminalRecordMonths: number;
  healthCertificateMonths: number;
  photoMonths: number;
}

/** What the formal documents tell the applicant, in numbers. */
export interface DocumentParameters {
  /** A refusal may be challenged by administrative reconsideration within this many days of receipt. */
  reconsiderationDays: number;
  /** …or by administrative litigation within this many months of receipt. */
  litigationMonths: number;
  /** A supplement notice asks for the materials within this many calendar days of the request. */
  supplementWithinDays: number;
}

/** What the city promises for one item beyond the law (the guides' 承诺时限 and 跑动次数). */
export interface ServiceCommitment {
  /** A promise shorter than the item's own time limit, in working days; without it the time limit is the promise. */
  promisedWorkingDays?: number;
  /** The most visits to a window the applicant makes (0: online throughout). */
  maxVisits: number;
}

export interface CatalogueParameters {
  /** The local average annual wage the salary thresholds multiply (configuration). */
  localAverageAnnualWageCny: number;
  talentClassification: TalentClassificationParameters;
  points: PointsTable;
  workPermit: WorkPermitParameters;
  residencePermit: ResidencePermitParameters;
  socialInsurance: SocialInsuranceParameters;
  professionalTitle: { decisionWorkingDays: number };
  electronicSocialSecurityCard: { decisionWorkingDays: number };
  abnormalListScreening: {
    screeningWorkingDays: number;
    /** A listed name within this many letter edits (same birth date) is a possible match a person checks. */
    nearMatchMaxNameEdits: number;
  };
  materialValidity: MaterialValidityParameters;
  /** Each selectable item's promised time limit and visits, by item code (the service guides). */
  serviceCommitments: Readonly<Record<string, ServiceCommitment>>;
  /** The numbers the formal documents print (libs/documents). */
  documents: DocumentParameters;
  /** How the completion forecast learns from observed decision times (libs/catalogue forecast). */
  forecast: ForecastParameters;
}

/** Configuration, not law: when observed decision times are trusted enough to give the expected date. */
export interface ForecastParameters {
  /** Observed decisions of an item and action needed before their median gives the expected date. */
  minimumObservations: number;
  /** Only decisions of this many calendar months count: the current month and the ones before it. */
  observationWindowMonths: number;
}

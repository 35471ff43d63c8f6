// Shapes of the API.md responses the web front reads (only the fields it uses).
export type Lang = 'zh' | 'en';
export interface Text {
  zh: string;
  en: string;
}
export type Role = 'applicant' | 'employer' | 'clerk' | 'officer' | 'analyst' | 'admin';
export type Agency = 'approval' | 'scitech' | 'psb' | 'hrss' | 'bigdata';
export const AGENCIES: Agency[] = ['approval', 'scitech', 'psb', 'hrss', 'bigdata'];
export const ROLES: Role[] = ['applicant', 'employer', 'clerk', 'officer', 'analyst', 'admin'];

export type ItemStatus = 'pending' | 'in_review' | 'awaiting_supplement' | 'joint_review' | 'granted' | 'rejected' | 'terminated' | 'withdrawn';
export const FINAL_STATUSES: ItemStatus[] = ['granted', 'rejected', 'terminated', 'withdrawn'];

export interface ItemSelection {
  code: string;
  action: string;
}

export interface FormFieldOption {
  value: string;
  label: Text;
}

/** A fact of the applicant's shared record the form may reuse, once they accept it (the preview). */
export interface PrefillValue {
  value: unknown;
  /** The event type that set it (`portal.case.submitted`, `approval.item.decided`…). */
  source: string;
  sourceCaseId?: string;
  updatedAt?: string;
  /** The record's version it is offered from. */
  recordVersion?: number;
  /** The agency whose decision set it; null for a value filed with a case. */
  sourceAgency?: { code: string; name: Text } | null;
}

export interface FormField {
  path: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'enum';
  required: boolean;
  label: Text;
  options?: FormFieldOption[];
  pattern?: string;
  example?: unknown;
  prefill?: PrefillValue;
}

export interface FormMaterial {
  code: string;
  name: Text;
  items: string[];
  validityMonths?: number;
  /** False when the chosen items ask for it only in some cases (`condition`). */
  required: boolean;
  condition?: Text;
}

export interface MergedForm {
  catalogueVersion: string;
  items: { code: string; action: string; name: Text }[];
  fields: FormField[];
  materials: FormMaterial[];
  reduction: { fieldsSeparate: number; fieldsMerged: number; materialsSeparate: number; materialsMerged: number };
}

/** One of the caller's drafts (`GET /api/drafts`), without its content. */
export interface DraftSummary {
  draftId: string;
  version: number;
  items: ItemSelection[];
  applicantName: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

/** A draft with its content (the case body so far) and what the submit would refuse in it today. */
export interface DraftView extends DraftSummary {
  content: Record<string, unknown>;
  problems: { field: string; message: string }[];
}

export interface UploadedMaterial {
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
}

export interface CaseMaterial {
  code: string;
  sha256: string;
  fileName: string;
  issuedAt?: string;
  contentType?: string;
  size?: number;
}

export interface CaseItemView {
  code: string;
  action: string;
  agency: Agency;
  status: ItemStatus;
  dueDate?: string | null;
  dueDateProvisional?: boolean;
  reason: string | null;
  result: Record<string, unknown> | null;
  /** Material codes an open supplement request (补正) asks for. */
  requestedMaterials: string[];
}

export interface TimelineEntry {
  at: string;
  type: string;
  agency?: string | null;
  item?: string | null;
  [key: string]: unknown;
}

export interface CaseView {
  caseId: string;
  status: 'in_progress' | 'completed' | 'withdrawn';
  channel: 'online' | 'offline';
  catalogueVersion: string;
  submittedAt: string;
  items: CaseItemView[];
  timeline: TimelineEntry[];
  materials?: CaseMaterial[];
  [key: string]: unknown;
}

export interface WebConfig {
  authMode: 'local' | 'provider';
  signInUrl?: string;
  /** The portal's upload limit, so the page can refuse a too-large file before sending it. */
  materialsMaxBytes?: number;
  /** The document types the portal takes (told by the content), so the page can say them before a file is chosen. */
  materialsContentTypes?: string[];
  services: Record<Agency, string>;
}

export interface NotificationView {
  id: string;
  caseId: string;
  item: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

// The officer's workbench: agency services (`/api/items`, `/api/joint-reviews`) and data-sharing's record.
export type OfficerDecisionKind = 'approve' | 'reject' | 'supplement';

export interface RuleFinding {
  rule: string;
  passed: boolean;
  message: string;
  /** The material that would answer a failed finding (ask for it rather than reject). */
  material?: string;
}

/** One item as an officer of the owning agency sees it (`GET /api/items`, the decision's answer). */
export interface OfficerItemView {
  caseId: string;
  code: string;
  /** The item's official name in both languages (the catalogue's). */
  itemName?: Text | null;
  action: string;
  status: ItemStatus;
  timeLimit?: { amount: number; unit: 'working_days' | 'calendar_days' };
  dueDate: string | null;
  /** Working days left as the law counts them (negative: overdue by that many); null when final or the clock waits. */
  workingDaysLeft?: number | null;
  calendarDaysLeft?: number | null;
  /** The queue only: the applicant's name where the agency's scope releases it, else null. */
  applicantName?: string | null;
  /** The queue only: the day of submission in China. */
  submittedOn?: string | null;
  dueDateProvisional: boolean;
  overdue: boolean;
  flags: string[];
  /** Why the item waits for an officer; empty otherwise. */
  awaitingOfficer: string[];
  findings: RuleFinding[];
  requestedMaterials: string[];
  reason: string | null;
  result: Record<string, unknown> | null;
  decidedBy: { kind: 'automatic' | 'officer'; subject?: string } | null;
  decidedAt: string | null;
}

export interface DecisionReadiness {
  allowed: OfficerDecisionKind[];
  refused: { decision: OfficerDecisionKind; code: string; reason: string }[];
  waitingFor: string[];
}

/** `GET /api/items/:caseId`: the case as one agency holds it. */
export interface AgencyCaseView {
  caseId: string;
  agency: Agency;
  applicantId: string;
  catalogueVersion: string;
  submittedOn: string;
  chosenItems: ItemSelection[];
  items: (OfficerItemView & { decision?: DecisionReadiness })[];
  applicant: Record<string, unknown> & { passportNo?: string; nationality?: string };
  employer: Record<string, unknown>;
  employment: Record<string, unknown>;
  otherSections: Record<string, unknown>;
  materials: CaseMaterial[];
  knownOutcomes: { code: string; status: string; reason: string | null }[];
  heldByJointReview: boolean;
  jointReview: { status: string; reason: string } | null;
}

export interface JointReviewOpinion {
  agency: string;
  opinion: 'approve' | 'reject';
  reason: string;
  officer: string;
  givenAt: string;
}

/** One joint review as `GET /api/joint-reviews` (admin-approval) lists it for the caller. */
export interface JointReviewView {
  caseId: string;
  status: 'open' | 'approved' | 'rejected' | 'requested';
  reason: string;
  agencies: string[];
  awaiting: string[];
  awaitingYou: boolean;
  opinions: JointReviewOpinion[];
  openedAt: string | null;
  concludedAt: string | null;
}

/** data-sharing `GET /api/records`: the shared record, released key by key for the reader's agency. */
/** One value of the shared record, with who vouches for it. */
export interface RecordFieldView {
  value: unknown;
  source: string;
  sourceCaseId: string;
  updatedAt: string;
  /** `verified`: the person filed it as themselves, or an agency decided it; `unverified`: filed for them. */
  trust: 'verified' | 'unverified';
  /** `applicant`, `employer`, `clerk` or `agency`. */
  offeredBy: string;
}

export interface SharedRecord {
  applicantId: string;
  fields: Record<string, RecordFieldView>;
  /** Later filings by an employer or clerk that disagree with a value the person or an agency gave. */
  conflicts: { path: string; kept: RecordFieldView; offered: RecordFieldView }[];
  permits: ({ item: string; caseId: string; action: string; agency: string; status: string; reason: string | null; source: string; updatedAt: string } & Record<string, unknown>)[];
  history: { at: string; subject: string; caseId: string; oldValue: unknown; newValue: unknown; source: string }[];
  released: string[];
}

/** data-sharing `GET /api/records/mine/access-log`: every read of the caller's record and the reuses they declined, in plain sentences. */
export interface AccessLogView {
  applicantId: string;
  reads: { at: string; agency: string; agencyName: Text | null; fields: string[]; purpose: string; sentence: string; sentences: Text }[];
  declined: { caseId: string; refusedAt: string; paths: string[]; sentence: string; sentences: Text }[];
}

// Formal documents (API.md → Documents)
export type DocumentKind = 'acceptance_notice' | 'supplement_notice' | 'decision' | 'e_permit';

/** `GET /api/cases/:caseId/documents` (API.md). */
export interface CaseDocumentEntry {
  documentNo: string;
  kind: DocumentKind;
  item?: string;
  issuedAt: string;
  title: Text;
}

export type VerificationStatus = 'valid' | 'expired' | 'cancelled' | 'superseded';

/** `GET /api/verify/:documentNo` (API.md). */
export interface Verification {
  documentNo: string;
  kind: DocumentKind;
  item: string | null;
  status: VerificationStatus;
  validFrom?: string;
  validTo?: string;
  holder: string;
}

/** A forecast reason in the reader's language, both beside it, and its catalogue code (`forecast.shift.*`). */
export interface ForecastNote {
  code: string;
  text: string;
  texts: Text;
}

/** What an item's dates rest on; `text`: the expected date's basis (the law's limit alone, or the median of how many decisions). */
export interface ForecastBasis extends ForecastNote {
  earliest: 'automatic' | 'manual' | 'decided';
  latest: 'statutory_limit' | 'time_limit' | 'decided';
  expected: 'observed' | 'statutory_limit' | 'time_limit' | 'decided';
  observedDecisions: number;
  medianWorkingDays?: number;
}

/** One item of a completion forecast (portal README → Completion forecast). */
export interface ItemForecastView {
  code: string;
  name: string;
  action: string;
  agency: string;
  status?: string;
  state: 'forecast' | 'decided' | 'ended';
  earliestDate: string | null;
  expectedDate: string | null;
  latestDate: string | null;
  dependsOn: string[];
  onCriticalPath: boolean;
  basis: ForecastBasis | null;
  explanation: string;
  explanations: Text;
  shifts: ForecastNote[];
}

/** `GET /api/cases/:caseId/forecast` and `POST /api/forecast`. */
export interface ForecastView {
  caseId?: string;
  submittedOn: string;
  today: string;
  earliestDate: string | null;
  expectedDate: string | null;
  latestDate: string | null;
  criticalPath: string[];
  provisional: boolean;
  notes: ForecastNote[];
  items: ItemForecastView[];
}

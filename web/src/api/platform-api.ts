import { apiErrorOf, query, request, requestHeaders } from './http';
import { sendUpload, type UploadProgress } from './upload-request';
import type { AccessLogView, Agency, AgencyCaseView, CaseDocumentEntry, CaseView, DraftSummary, DraftView, ForecastView, ItemSelection, JointReviewView, Lang, MergedForm, NotificationView, OfficerDecisionKind, OfficerItemView, Role, SharedRecord, UploadedMaterial, Verification, WebConfig } from './types';

export interface CaseBody {
  items: ItemSelection[];
  [section: string]: unknown;
}

/**
 * Every API.md endpoint the web front calls, for the signed-in caller. The portal is this page's own
 * origin; the agencies and data-sharing are called directly at the addresses `/api/web-config` gives.
 */
export class PlatformApi {
  constructor(
    readonly config: WebConfig,
    private readonly token?: string,
  ) {}

  private portal<T>(path: string, options: Parameters<typeof request>[2] = {}): Promise<T> {
    return request<T>('', path, { token: this.token, ...options });
  }

  private agency<T>(agency: Agency, path: string, options: Parameters<typeof request>[2] = {}): Promise<T> {
    return request<T>(this.config.services[agency], path, { token: this.token, ...options });
  }

  // portal: catalogue, guides, the one form
  catalogue(lang: Lang) {
    return this.portal<CatalogueView>(`/api/catalogue${query({ lang })}`);
  }
  form(items: ItemSelection[]) {
    return this.portal<MergedForm>('/api/forms', { body: { items } });
  }
  guide(code: string, lang: Lang) {
    return this.portal<GuideView>(`/api/guides/${encodeURIComponent(code)}${query({ lang })}`);
  }
  oneThingGuide(lang: Lang) {
    return this.portal<GuideView>(`/api/guides/one-thing${query({ lang })}`);
  }

  // portal: cases
  /** One document, sent with XMLHttpRequest so the page can show its progress (fetch tells none of an upload). */
  uploadMaterial(file: File, options: { onProgress?(progress: UploadProgress): void; signal?: AbortSignal } = {}) {
    return sendUpload<UploadedMaterial>('/api/materials', file, { ...options, headers: requestHeaders({ token: this.token }) });
  }
  /** The stored document as a blob (the download needs the caller's token, so no plain link). */
  async material(sha256: string): Promise<Blob> {
    const response = await fetch(`/api/materials/${sha256}`, { headers: requestHeaders({ token: this.token }) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.blob();
  }
  // portal: formal documents (API.md → Documents)
  caseDocuments(caseId: string) {
    return this.portal<CaseDocumentEntry[]>(`/api/cases/${encodeURIComponent(caseId)}/documents`);
  }
  /** A document's PDF (the download needs the caller's token, so no plain link). */
  async document(documentNo: string): Promise<Blob> {
    const response = await fetch(`/api/documents/${encodeURIComponent(documentNo)}`, { headers: requestHeaders({ token: this.token }) });
    if (!response.ok) throw await apiErrorOf(response);
    return response.blob();
  }
  verify(documentNo: string) {
    return this.portal<Verification>(`/api/verify/${encodeURIComponent(documentNo)}`);
  }
  submitCase(body: CaseBody, idempotencyKey: string) {
    return this.portal<{ caseId: string; status: string }>('/api/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } });
  }
  case(caseId: string) {
    return this.portal<CaseView>(`/api/cases/${encodeURIComponent(caseId)}`);
  }
  /** The completion forecast of a case, as its items stand. */
  caseForecast(caseId: string, lang: Lang) {
    return this.portal<ForecastView>(`/api/cases/${encodeURIComponent(caseId)}/forecast${query({ lang })}`);
  }
  /** The completion forecast of a selection before it is submitted (today by default). */
  forecast(items: ItemSelection[], lang: Lang) {
    return this.portal<ForecastView>(`/api/forecast${query({ lang })}`, { body: { items } });
  }
  myCases() {
    return this.portal<CaseView[] | { cases: CaseView[] }>('/api/cases?mine=true').then((answer) => (Array.isArray(answer) ? answer : answer.cases));
  }
  supplement(caseId: string, body: { item: string; materials: unknown[] }) {
    return this.portal<unknown>(`/api/cases/${encodeURIComponent(caseId)}/supplements`, { body });
  }
  withdraw(caseId: string, reason?: string) {
    return this.portal<unknown>(`/api/cases/${encodeURIComponent(caseId)}/withdraw`, { body: reason ? { reason } : {} });
  }
  notifications(lang: Lang) {
    return this.portal<NotificationView[] | { notifications: NotificationView[] }>(`/api/notifications${query({ lang })}`).then((answer) =>
      Array.isArray(answer) ? answer : answer.notifications,
    );
  }
  markNotificationRead(id: string) {
    return this.portal<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
  }

  // portal: drafts of the one form (the caller's own; never a case until submitted with submitCase)
  drafts() {
    return this.portal<{ drafts: DraftSummary[] }>('/api/drafts').then((answer) => answer.drafts);
  }
  draft(draftId: string) {
    return this.portal<DraftView>(`/api/drafts/${encodeURIComponent(draftId)}`);
  }
  createDraft(content: Record<string, unknown>) {
    return this.portal<DraftView>('/api/drafts', { body: content });
  }
  /** Replaces the draft's content over `version` (the one read or last saved); 409 when it was saved elsewhere since. */
  saveDraft(draftId: string, version: number, content: Record<string, unknown>) {
    return this.portal<DraftView>(`/api/drafts/${encodeURIComponent(draftId)}`, { method: 'PUT', body: content, headers: { 'If-Match': `"${version}"` } });
  }
  deleteDraft(draftId: string) {
    return this.portal<void>(`/api/drafts/${encodeURIComponent(draftId)}`, { method: 'DELETE' });
  }

  // agencies: the officer's workbench
  items(agency: Agency, params: { status?: string; item?: string; overdue?: boolean; q?: string; sort?: string; order?: 'asc' | 'desc'; limit?: number; offset?: number } = {}) {
    return this.agency<OfficerItemsPage>(agency, `/api/items${query(params)}`);
  }
  itemCase(agency: Agency, caseId: string) {
    return this.agency<AgencyCaseView>(agency, `/api/items/${encodeURIComponent(caseId)}`);
  }
  decide(agency: Agency, caseId: string, code: string, body: { decision: OfficerDecisionKind; reason?: string; materials?: string[] }) {
    return this.agency<OfficerItemView>(agency, `/api/items/${encodeURIComponent(caseId)}/${encodeURIComponent(code)}/decision`, { body });
  }
  jointReviews(status: 'open' | 'approved' | 'rejected' | 'concluded' = 'open') {
    return this.agency<{ jointReviews: JointReviewView[] }>('approval', `/api/joint-reviews${query({ status })}`);
  }
  giveOpinion(caseId: string, body: { opinion: 'approve' | 'reject'; reason?: string }) {
    return this.agency<JointReviewView>('approval', `/api/joint-reviews/${encodeURIComponent(caseId)}/opinions`, { body });
  }

  // data-sharing: the shared record and the statistics
  recordByPassport(passportNo: string, nationality: string, purpose: string) {
    return this.agency<SharedRecord>('bigdata', `/api/records${query({ passportNo, nationality })}`, { headers: { 'X-Purpose': purpose } });
  }
  /** Who read the signed-in applicant's shared record, when and why, and the reuses they declined: each in a sentence. */
  myAccessLog(lang: Lang) {
    return this.agency<AccessLogView>('bigdata', `/api/records/mine/access-log${query({ lang })}`);
  }
  stats(days?: number) {
    return this.agency<Record<string, unknown>>('bigdata', `/api/stats${query({ days })}`);
  }
}

/** Local mode only: a token for the chosen role, minted by the portal. */
export function localSignIn(body: { role: Role; agency?: Agency; subject?: string; passportNo?: string; nationality?: string; uscc?: string }) {
  return request<{ token: string }>('', '/api/auth/local-token', { body });
}

export function loadWebConfig() {
  return request<WebConfig>('', '/api/web-config');
}

export interface CatalogueView {
  catalogueVersion: string;
  effectiveFrom?: string;
  lang: Lang;
  /** The items an applicant may choose (basic and extended). */
  items: CatalogueItem[];
  /** Steps run inside the items needing them (talent category, list screening); never chosen. */
  steps?: CatalogueItem[];
}

export interface TimeLimitView {
  amount: number;
  unit: 'working_days' | 'calendar_days';
  note?: string;
}

export type FeeView =
  | { kind: 'free'; note?: string }
  /** `fromMonths` inclusive, `belowMonths` exclusive, of the validity granted. */
  | { kind: 'by_validity'; bands: { fromMonths: number; belowMonths: number; feeCny: number }[]; note?: string };

/** One item of `GET /api/catalogue?lang=` (libs/catalogue describeCatalogue), in one language. */
export interface CatalogueItem {
  code: string;
  kind: 'basic' | 'extended' | 'step';
  name: string;
  agency: { code: Agency; name: string };
  supportingSystem?: string;
  actions: { action: string; name: string; timeLimit?: TimeLimitView; window?: unknown; materials: { code: string; name: string; required: boolean; condition?: string; validityMonths?: number }[] }[];
  // Always sent by the portal; optional here so partial fixtures still type-check.
  prerequisites?: { code: string; name: string; kind: 'basic' | 'extended' | 'step' }[];
  /** The form fields that show this item is already held, so its dependants may be chosen without it. */
  heldEvidenceFields?: string[];
  timeLimit?: TimeLimitView;
  fee?: FeeView;
  /** Every document any action of the item asks, with the actions asking it. */
  materials?: { code: string; name: string; validityMonths?: number; actions: string[] }[];
  legalBasis?: string[];
  conditions?: string[];
  result?: string;
  manualByDefault?: boolean;
  [key: string]: unknown;
}

/** A service guide (`GET /api/guides/:code`) or the combined one (`/api/guides/one-thing`, with the flow chart). */
export interface GuideView {
  code?: string;
  lang?: Lang;
  catalogueVersion?: string;
  title: string;
  sections: { id: string; heading: string; items: string[] }[];
  /** The combined guide only: Mermaid source and the server-rendered (Graphviz) SVG document. */
  flowChart?: { mermaid?: string; svg?: string };
  markdown?: string;
  [key: string]: unknown;
}

export interface OfficerItemsPage {
  items: OfficerItemView[];
  total: number;
  /** Whether the agency's data scope releases applicants' names (false: rows known by case id only). */
  applicantNameInScope?: boolean;
  limit?: number;
  offset?: number;
}

import { type Agency, LOCAL_DEVELOPMENT_JWT_SECRET, type Role, signToken } from '@work-permit/auth';
import { caseDates, eventually } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import type { PlatformStack, ServiceName } from './stack';

/** The contract and document dates every case body uses, relative to today (fixtures never expire). */
export const DATES = caseDates();

export const FIVE_ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' },
  { code: 'RESIDENCE_PERMIT', action: 'issue' },
  { code: 'SOCIAL_INSURANCE', action: 'apply' },
  { code: 'PROFESSIONAL_TITLE', action: 'apply' },
  { code: 'E_SOCIAL_SECURITY_CARD', action: 'apply' },
];

export interface CaseItemView {
  code: string;
  agency: string;
  status: string;
  dueDate: string | null;
  reason: string | null;
  result: Record<string, unknown> | null;
  requestedMaterials: string[];
}

export interface CaseView {
  caseId: string;
  status: string;
  items: CaseItemView[];
  timeline: { at: string; type: string; agency: string | null; item: string | null }[];
  materials: { code: string; sha256: string; fileName: string; issuedAt: string; contentType?: string; size?: number }[];
}

/** What `POST /api/materials` answers. */
export interface UploadedDocument {
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
}

export const token = (role: Role, agency?: Agency, subject = `${role}-${randomUUID()}`) => signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role, agency });
export const officer = (agency: Agency) => token('officer', agency);

/** The applicant's side and the officers' side of the platform, over HTTP only. */
export class PlatformApi {
  readonly applicant = token('applicant');
  /** One uploaded PDF per material code, reused by every case body. */
  private readonly documents = new Map<string, Promise<UploadedDocument>>();

  constructor(private readonly stack: PlatformStack) {}

  /** Uploads one document as the applicant; a case may reference only uploaded documents. */
  async upload(bytes: Buffer, fileName: string): Promise<UploadedDocument> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${this.stack.url('portal')}/api/materials`, { method: 'POST', headers: { authorization: `Bearer ${this.applicant}` }, body: form });
    const body = (await response.json()) as UploadedDocument;
    if (response.status !== 201) throw new Error(`upload refused: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  /** The document for a material code, uploaded on first use. */
  document(code: string): Promise<UploadedDocument> {
    let uploaded = this.documents.get(code);
    if (!uploaded) {
      uploaded = this.upload(Buffer.from(`%PDF-1.7\n% ${code}, an e2e test document\n%%EOF\n`), `${code.toLowerCase()}.pdf`);
      this.documents.set(code, uploaded);
    }
    return uploaded;
  }

  async call<T = unknown>(service: ServiceName, method: string, path: string, { auth, body }: { auth: string; body?: unknown }): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.stack.url(service)}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, 'idempotency-key': randomUUID() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /**
   * A case body for `items`: every field at the form's example, a contract starting after today (a
   * contract already running is flagged as possible work without a permit; `DATES`), and every document the
   * form lists unless `without` names it. `patch` sets dotted paths.
   */
  async caseBody(items = FIVE_ITEMS, { patch = {}, without = [] }: { patch?: Record<string, unknown>; without?: string[] } = {}): Promise<Record<string, unknown>> {
    const form = await this.call<{ fields: { path: string; example: unknown }[]; materials: { code: string }[] }>('portal', 'POST', '/api/forms', { auth: this.applicant, body: { items } });
    const body: Record<string, unknown> = { items };
    for (const field of form.body.fields) setAt(body, field.path, field.example);
    const defaults = { 'employment.contractStart': DATES.contractStart, 'employment.contractEnd': DATES.contractEnd, 'history.previousWorkPermitNo': undefined, 'applicant.entryDate': undefined };
    for (const [path, value] of Object.entries({ ...defaults, ...patch })) setAt(body, path, value);
    body.materials = await Promise.all(
      form.body.materials
        .filter((m) => !without.includes(m.code))
        .map(async (m) => {
          const { sha256, fileName } = await this.document(m.code);
          return { code: m.code, sha256, fileName, issuedAt: DATES.issuedAt };
        }),
    );
    return body;
  }

  async submit(body: Record<string, unknown>): Promise<string> {
    const response = await this.call<{ caseId: string }>('portal', 'POST', '/api/cases', { auth: this.applicant, body });
    if (response.status !== 201) throw new Error(`submission refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.caseId;
  }

  async view(caseId: string): Promise<CaseView> {
    return (await this.call<CaseView>('portal', 'GET', `/api/cases/${caseId}`, { auth: this.applicant })).body;
  }

  /** Waits until the applicant's view of the case satisfies `settled`, and returns that view. */
  async until(caseId: string, what: string, settled: (view: CaseView) => boolean, timeoutMs = 60_000): Promise<CaseView> {
    return eventually(
      async () => {
        const view = await this.view(caseId);
        return settled(view) && view;
      },
      { what, timeoutMs, intervalMs: 250 },
    );
  }
}

export function item(view: CaseView, code: string): CaseItemView {
  const found = view.items.find((i) => i.code === code);
  if (!found) throw new Error(`case ${view.caseId} has no ${code}`);
  return found;
}

export function statuses(view: CaseView): Record<string, string> {
  return Object.fromEntries(view.items.map((i) => [i.code, i.status]));
}

function setAt(body: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = body;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
}

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
  reasons?: { zh: string; en: string } | null;
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

/** The person the catalogue's examples describe (the form's example passport and nationality). */
export const EXAMPLE_APPLICANT = { passportNo: 'C01X00T47', nationality: 'DEU' };

/**
 * A token as the identity provider would issue it: an applicant's carries the verified passport and
 * nationality (the platform acts only as that person), an employer's its credit code.
 */
export const token = (role: Role, agency?: Agency, subject = `${role}-${randomUUID()}`, identity: { passportNo?: string; nationality?: string; uscc?: string } = {}) =>
  signToken(LOCAL_DEVELOPMENT_JWT_SECRET, { subject, role, agency, ...(role === 'applicant' ? { ...EXAMPLE_APPLICANT, ...identity } : {}), ...(role === 'employer' ? { uscc: identity.uscc } : {}) });
export const officer = (agency: Agency) => token('officer', agency);

const applicantTokens = new Map<string, string>();

/** The account of the person with this passport: one subject, and one token, per person, so their uploads are theirs and found again. */
export function applicantToken(passportNo = EXAMPLE_APPLICANT.passportNo, nationality = EXAMPLE_APPLICANT.nationality): string {
  const subject = `applicant-${nationality}-${passportNo}`;
  let signed = applicantTokens.get(subject);
  if (!signed) {
    signed = token('applicant', undefined, subject, { passportNo, nationality });
    applicantTokens.set(subject, signed);
  }
  return signed;
}

/** The applicant's side and the officers' side of the platform, over HTTP only. */
export class PlatformApi {
  /** The example person's token. */
  readonly applicant = applicantToken();
  /** One uploaded PDF per account and material code, reused by every case body of that account. */
  private readonly documents = new Map<string, Promise<UploadedDocument>>();
  /** Each submitted case's applicant token, so the case is read as its own applicant. */
  private readonly caseTokens = new Map<string, string>();

  constructor(private readonly stack: PlatformStack) {}

  /** Uploads one document as `auth` (the applicant by default); a case may reference only documents its filer uploaded. */
  async upload(bytes: Buffer, fileName: string, auth = this.applicant): Promise<UploadedDocument> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${this.stack.url('portal')}/api/materials`, { method: 'POST', headers: { authorization: `Bearer ${auth}` }, body: form });
    const body = (await response.json()) as UploadedDocument;
    if (response.status !== 201) throw new Error(`upload refused: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  /** The document for a material code, uploaded by `auth` on first use. */
  document(code: string, auth = this.applicant): Promise<UploadedDocument> {
    const key = `${auth}:${code}`;
    let uploaded = this.documents.get(key);
    if (!uploaded) {
      uploaded = this.upload(Buffer.from(`%PDF-1.7\n% ${code}, an e2e test document\n%%EOF\n`), `${code.toLowerCase()}.pdf`, auth);
      this.documents.set(key, uploaded);
    }
    return uploaded;
  }

  /** The token of the applicant a case body is about. */
  applicantOf(body: Record<string, unknown>): string {
    const { passportNo, nationality } = (body.applicant ?? {}) as { passportNo?: string; nationality?: string };
    return applicantToken(passportNo, nationality);
  }

  /** The token the case was submitted with (its applicant's). */
  tokenOf(caseId: string): string {
    return this.caseTokens.get(caseId) ?? this.applicant;
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
   * A case body for `items`: every field at the form's example, a first-time applicant from abroad, a
   * contract starting after today (a contract already running is flagged as possible work without a
   * permit; `DATES`), and every document the form lists unless `without` names it, uploaded by `filer`
   * (default: the body's applicant). `patch` sets dotted paths.
   */
  async caseBody(
    items = FIVE_ITEMS,
    { patch = {}, without = [], filer }: { patch?: Record<string, unknown>; without?: string[]; filer?: string } = {},
  ): Promise<Record<string, unknown>> {
    const form = await this.call<{ fields: { path: string; example: unknown }[]; materials: { code: string }[] }>('portal', 'POST', '/api/forms', { auth: this.applicant, body: { items } });
    const body: Record<string, unknown> = { items };
    for (const field of form.body.fields) setAt(body, field.path, field.example);
    // A first-time applicant from abroad: no permit held before, no entry yet, no social security number or residence permit yet.
    const defaults = {
      'employment.contractStart': DATES.contractStart,
      'employment.contractEnd': DATES.contractEnd,
      'history.previousWorkPermitNo': undefined,
      'applicant.entryDate': undefined,
      'holdings.socialSecurityNo': undefined,
      'holdings.residencePermitNo': undefined,
    };
    const asked = new Set(form.body.fields.map((field) => field.path));
    const applying = Object.entries(defaults).filter(([path]) => asked.has(path));
    for (const [path, value] of [...applying, ...Object.entries(patch)]) setAt(body, path, value);
    // The documents are uploaded by whoever files the case (its applicant unless `filer` says otherwise).
    const uploader = filer ?? this.applicantOf(body);
    body.materials = await Promise.all(
      form.body.materials
        .filter((m) => !without.includes(m.code))
        .map(async (m) => {
          const { sha256, fileName } = await this.document(m.code, uploader);
          return { code: m.code, sha256, fileName, issuedAt: DATES.issuedAt };
        }),
    );
    return body;
  }

  /** Submits as the applicant the body is about. */
  async submit(body: Record<string, unknown>): Promise<string> {
    const auth = this.applicantOf(body);
    const response = await this.call<{ caseId: string }>('portal', 'POST', '/api/cases', { auth, body });
    if (response.status !== 201) throw new Error(`submission refused: ${response.status} ${JSON.stringify(response.body)}`);
    this.caseTokens.set(response.body.caseId, auth);
    return response.body.caseId;
  }

  async view(caseId: string): Promise<CaseView> {
    return (await this.call<CaseView>('portal', 'GET', `/api/cases/${caseId}`, { auth: this.tokenOf(caseId) })).body;
  }

  /** Waits until the applicant's view of the case satisfies `settled`, and returns that view. */
  async until(caseId: string, what: string, settled: (view: CaseView) => boolean, timeoutMs = 60_000): Promise<CaseView> {
    let last: CaseView | undefined;
    try {
      return await eventually(
        async () => {
          last = await this.view(caseId);
          return settled(last) && last;
        },
        { what, timeoutMs, intervalMs: 250 },
      );
    } catch (error) {
      // Say where the case stood, so a timeout explains itself.
      throw new Error(`${(error as Error).message}; the case was ${JSON.stringify(last?.items?.map((i) => [i.code, i.status, i.reason]) ?? last)}`);
    }
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
  for (const key of keys.slice(0, -1)) {
    // Leaving a field out never makes an empty section of it.
    if (value === undefined && node[key] === undefined) return;
    node = (node[key] ??= {}) as Record<string, unknown>;
  }
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
}

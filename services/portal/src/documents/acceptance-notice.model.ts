import type { Catalogue, Localized, TimeLimit } from '@work-permit/catalogue';
import { type AcceptanceNoticeInput, fullName, maskedName } from '@work-permit/documents';
import { chinaDateOf } from '@work-permit/platform';
import type { CaseFile } from '../cases/case-file.entity';

/** The issuer of acceptance notices: the one-thing window is the Administrative Approval Service Bureau's (the lead agency). */
export const ACCEPTING_AGENCY = 'approval';

/**
 * What the acceptance notice of a case says, from the case as submitted: the parties, every chosen
 * item with its agency and promised time limit, and each material received, named from the case's
 * own catalogue version. Only the document number is left to the issuer.
 */
export function acceptanceNoticeInput(file: Pick<CaseFile, 'caseId' | 'channel' | 'body' | 'submittedAt'>, selection: readonly { code: string; action: string }[], catalogue: Catalogue): Omit<AcceptanceNoticeInput, 'documentNo'> {
  const applicant = section(file.body, 'applicant');
  const submittedOn = chinaDateOf(file.submittedAt);
  const named = <T extends { code: string; name: Localized }>(list: readonly T[], code: string): Localized => list.find((entry) => entry.code === code)?.name ?? { zh: code, en: code };
  const materialCodes = [...new Set(materialsOf(file.body).map((material) => material.code))];
  return {
    issuer: named(catalogue.agencies, ACCEPTING_AGENCY),
    issuedOn: submittedOn,
    caseId: file.caseId,
    submittedOn,
    channel: file.channel,
    applicant: {
      name: fullName(text(applicant.surname), text(applicant.givenNames)),
      nationality: text(applicant.nationality),
      passportNo: text(applicant.passportNo),
    },
    employer: text(section(file.body, 'employer').name) || undefined,
    items: selection.map(({ code, action }) => {
      const item = catalogue.items.find((candidate) => candidate.code === code);
      const definition = item?.actions.find((candidate) => candidate.action === action);
      return {
        name: item?.name ?? { zh: code, en: code },
        action: definition?.name ?? { zh: action, en: action },
        agency: item ? named(catalogue.agencies, item.agency) : { zh: '—', en: '—' },
        timeLimit: item ? timeLimitText(definition?.timeLimit ?? item.timeLimit) : { zh: '—', en: '—' },
      };
    }),
    materials: materialCodes.map((code) => named(catalogue.materials, code)),
  };
}

export function timeLimitText(limit: TimeLimit): Localized {
  return limit.unit === 'working_days' ? { zh: `${limit.amount}个工作日`, en: `${limit.amount} working days` } : { zh: `${limit.amount}个自然日`, en: `${limit.amount} calendar days` };
}

/** The applicant's name as the verification page may show it. */
export function acceptanceNoticeHolder(body: Record<string, unknown>): string {
  const applicant = section(body, 'applicant');
  return maskedName(text(applicant.surname), text(applicant.givenNames));
}

/** The person's data an acceptance notice shows, as data-scope keys. */
export function acceptanceNoticeDataKeys(body: Record<string, unknown>): string[] {
  const codes = [...new Set(materialsOf(body).map((material) => material.code))];
  return ['applicant.surname', 'applicant.givenNames', 'applicant.nationality', 'applicant.passportNo', 'employer.name', ...codes.map((code) => `materials.${code}`)];
}

function materialsOf(body: Record<string, unknown>): { code: string }[] {
  return Array.isArray(body.materials) ? (body.materials as unknown[]).filter((m): m is { code: string } => typeof (m as { code?: unknown })?.code === 'string') : [];
}

function section(body: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = body[name];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

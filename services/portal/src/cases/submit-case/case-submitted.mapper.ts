import type { MessageInitShape } from '@bufbuild/protobuf';
import { Channel, type CaseSubmittedSchema } from '@work-permit/contracts';
import type { ItemSelection } from '@work-permit/catalogue';
import type { JsonObject } from '@bufbuild/protobuf';

type Body = Record<string, unknown>;

const APPLICANT_FIELDS = ['surname', 'givenNames', 'sex', 'birthDate', 'nationality', 'passportNo', 'passportExpiry', 'email', 'phone', 'education', 'chineseLevel'] as const;
const EMPLOYER_FIELDS = ['uscc', 'name', 'contactName', 'contactPhone', 'address'] as const;
const EMPLOYMENT_STRING_FIELDS = ['position', 'contractStart', 'contractEnd', 'workLocation'] as const;

export interface CaseSubmittedInput {
  caseId: string;
  channel: 'online' | 'offline';
  submittedBy: { subject: string; role: string };
  selection: ItemSelection[];
  body: Body;
  catalogueVersion: string;
  applicantId: string;
}

/** The validated form, as the CaseSubmitted event: fixed paths typed, every other field in `additionalFields`. */
export function toCaseSubmitted(input: CaseSubmittedInput): MessageInitShape<typeof CaseSubmittedSchema> {
  const applicant = section(input.body, 'applicant');
  const employer = section(input.body, 'employer');
  const employment = section(input.body, 'employment');
  const materials = Array.isArray(input.body.materials) ? (input.body.materials as Body[]) : [];
  return {
    caseId: input.caseId,
    channel: input.channel === 'offline' ? Channel.OFFLINE : Channel.ONLINE,
    submittedBy: input.submittedBy,
    items: input.selection.map(({ code, action }) => ({ code, action })),
    applicant: {
      ...pickStrings(applicant, APPLICANT_FIELDS),
      workExperienceYears: Number(applicant.workExperienceYears ?? 0),
      ...(typeof applicant.entryDate === 'string' ? { entryDate: applicant.entryDate } : {}),
    },
    employer: pickStrings(employer, EMPLOYER_FIELDS),
    employment: {
      ...pickStrings(employment, EMPLOYMENT_STRING_FIELDS),
      annualSalaryCny: BigInt(Math.round(Number(employment.annualSalaryCny ?? 0))),
      monthsPerYearInChina: Number(employment.monthsPerYearInChina ?? 0),
    },
    materials: materials.map((m) => ({ code: str(m.code), sha256: str(m.sha256), fileName: str(m.fileName), issuedAt: str(m.issuedAt) })),
    catalogueVersion: input.catalogueVersion,
    applicantId: input.applicantId,
    additionalFields: additionalFields(input.body),
  };
}

const TYPED_FIELDS: Record<string, readonly string[]> = {
  applicant: [...APPLICANT_FIELDS, 'workExperienceYears', 'entryDate'],
  employer: EMPLOYER_FIELDS,
  employment: [...EMPLOYMENT_STRING_FIELDS, 'annualSalaryCny', 'monthsPerYearInChina'],
};

/** Everything the typed fields do not carry, nested by path as in the body, so nothing is lost. */
function additionalFields(body: Body): JsonObject {
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'items' || key === 'materials') continue;
    const typed = TYPED_FIELDS[key];
    if (!typed) {
      rest[key] = value as JsonObject[string];
      continue;
    }
    const extras = Object.entries(section(body, key)).filter(([field]) => !typed.includes(field));
    if (extras.length > 0) rest[key] = Object.fromEntries(extras) as JsonObject;
  }
  return rest;
}

function section(body: Body, key: string): Body {
  const value = body[key];
  return value !== null && typeof value === 'object' ? (value as Body) : {};
}

function pickStrings<K extends string>(source: Body, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, str(source[k])])) as Record<K, string>;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

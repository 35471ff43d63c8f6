import { AGENCIES, type Agency, isAgency } from '@work-permit/auth';

/**
 * A scope is a list of patterns over the record's keys (`applicant.surname`, `materials.NO_CRIMINAL_RECORD`,
 * `permits.WORK_PERMIT`): an exact key, a prefix ending in `*` (`applicant.*`, `*`), or either
 * preceded by `!` to withhold what an earlier pattern released. A key is released when some plain
 * pattern matches it and no `!` pattern does.
 */
export type ScopePatterns = readonly string[];

const PATTERN = /^!?(\*|[A-Za-z][A-Za-z0-9_]*(\.([A-Za-z0-9_]+|\*))*(\.\*)?)$/;

/** Each agency's default scope; see README.md for the reasons. */
export const DEFAULT_RECORD_SCOPES: Readonly<Record<Agency, ScopePatterns>> = {
  // Decides the work permit on everything, the no-criminal-record certificate included.
  approval: ['*'],
  // Exit-entry: identity, residence and the criminal-record check for the residence permit.
  psb: ['*'],
  // Talent category and titles: qualifications and employment, not identity documents or contacts.
  scitech: [
    'applicant.surname',
    'applicant.givenNames',
    'applicant.nationality',
    'applicant.birthDate',
    'applicant.education',
    'applicant.workExperienceYears',
    'applicant.chineseLevel',
    'employer.*',
    'employment.*',
    'permits.WORK_PERMIT',
    'permits.PROFESSIONAL_TITLE',
    'materials.HIGHEST_DEGREE',
    'materials.WORK_EXPERIENCE_PROOF',
    'materials.TALENT_CATEGORY_PROOF',
    'materials.ACHIEVEMENT_EVIDENCE',
  ],
  // Social insurance, titles and the e-card: the person, the job and the permits, never the criminal-record check.
  hrss: ['applicant.*', 'employer.*', 'employment.*', 'holdings.*', 'permits.*', 'materials.*', '!materials.NO_CRIMINAL_RECORD', '!materials.HEALTH_CERTIFICATE'],
  // Statistics: who is employed where and with what outcome, without names, documents or contacts.
  bigdata: [
    'applicant.sex',
    'applicant.birthDate',
    'applicant.nationality',
    'applicant.education',
    'applicant.workExperienceYears',
    'applicant.chineseLevel',
    'employer.*',
    'employment.*',
    'permits.*',
    '!employer.contactName',
    '!employer.contactPhone',
  ],
};

export class RecordScopesError extends Error {
  override readonly name = 'RecordScopesError';
}

/** Which keys of the shared record each agency may read. */
export class RecordScopes {
  private constructor(private readonly scopes: Readonly<Record<Agency, ScopePatterns>>) {}

  static defaults(): RecordScopes {
    return new RecordScopes(DEFAULT_RECORD_SCOPES);
  }

  /** The defaults with the agencies named in `json` (RECORD_SCOPES) replaced; throws naming every problem. */
  static fromJson(json: string | undefined): RecordScopes {
    if (json === undefined || json.trim() === '') return RecordScopes.defaults();
    const problems = recordScopesProblems(json);
    if (problems.length > 0) throw new RecordScopesError(problems.join('; '));
    return new RecordScopes({ ...DEFAULT_RECORD_SCOPES, ...(JSON.parse(json) as Partial<Record<Agency, string[]>>) });
  }

  patternsOf(agency: Agency): ScopePatterns {
    return this.scopes[agency];
  }

  releases(agency: Agency, key: string): boolean {
    return isReleased(this.scopes[agency], key);
  }
}

export function isReleased(patterns: ScopePatterns, key: string): boolean {
  let released = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matches(pattern.slice(1), key)) return false;
    } else if (!released && matches(pattern, key)) {
      released = true;
    }
  }
  return released;
}

function matches(pattern: string, key: string): boolean {
  return pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : pattern === key;
}

/** Everything wrong with a RECORD_SCOPES value, for the boot-time configuration check. */
export function recordScopesProblems(json: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return ['RECORD_SCOPES must be JSON'];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return [`RECORD_SCOPES must be an object from agency (${AGENCIES.join(', ')}) to a list of field patterns`];
  }
  const problems: string[] = [];
  for (const [agency, patterns] of Object.entries(parsed)) {
    if (!isAgency(agency)) problems.push(`RECORD_SCOPES names an unknown agency ${agency}`);
    else if (!Array.isArray(patterns) || patterns.some((p) => typeof p !== 'string' || !PATTERN.test(p))) {
      problems.push(`RECORD_SCOPES.${agency} must be a list of patterns such as "applicant.*", "employment.position", "!materials.NO_CRIMINAL_RECORD"`);
    }
  }
  return problems;
}

import type { Lang, Localized } from '@work-permit/catalogue';
import type { RefusalView } from '../refusals/refusals';
import type { RecordAccessLogRow } from './access-log.entity';
import { declinedSentences, readSentence } from './access-log-sentence';

/** One read of a person's record, as it explains itself to the person: when, which agency, which fields, why. */
export interface AccessLogRead {
  at: string;
  agency: string;
  /** The agency's name (zh, en), so the person need not know the codes. */
  agencyName: Localized | null;
  /** The released keys: form paths (`applicant.surname`), `materials.<CODE>`, `permits.<ITEM>`. */
  fields: string[];
  purpose: string;
  /** The read in one plain sentence, in the request's language (Chinese by default): who read which facts, when (China time), why. */
  sentence: string;
  /** The same in both languages. */
  sentences: Localized;
  /** The reader's token subject: for admins' oversight only. */
  subject?: string;
}

/** The facts the person declined to reuse when submitting one case, as the log lists them. */
export interface AccessLogDeclined {
  caseId: string;
  refusedAt: string;
  paths: string[];
  /** "您提交办件 … 时拒绝了复用……", in the request's language. */
  sentence: string;
  sentences: Localized;
}

export interface AccessLogView {
  applicantId: string;
  reads: AccessLogRead[];
  /** Oldest first, one entry per case. */
  declined: AccessLogDeclined[];
}

/**
 * The log of one person, oldest read first, each read and each case's refusals told in a sentence in
 * `lang`; officers' identities only when `withSubjects` (admins).
 */
export function accessLogViewOf(
  applicantId: string,
  rows: readonly RecordAccessLogRow[],
  agencyNames: ReadonlyMap<string, Localized>,
  { withSubjects, lang = 'zh', refusals = [] }: { withSubjects: boolean; lang?: Lang; refusals?: readonly RefusalView[] },
): AccessLogView {
  return {
    applicantId,
    reads: [...rows]
      .sort((a, b) => a.id - b.id)
      .map((row) => {
        const read = { at: row.at.toISOString(), agency: row.agency, fields: [...row.fields], purpose: row.purpose };
        const agencyName = agencyNames.get(row.agency) ?? null;
        const sentences = readSentence(read, agencyName);
        return { ...read, agencyName, sentence: sentences[lang], sentences, ...(withSubjects ? { subject: row.subject } : {}) };
      }),
    declined: declinedSentences(refusals).map(({ sentence, ...declined }) => ({ ...declined, sentence: sentence[lang], sentences: sentence })),
  };
}

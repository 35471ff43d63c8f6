import type { AccessLogView, Lang } from '../../api/types';

/** One line of the access-log page: a sentence in the reader's language, when it happened, and the case it names (refusals). */
export interface AccessLogLine {
  key: string;
  at: string;
  sentence: string;
  caseId?: string;
}

/**
 * The log as the page shows it, newest first: each read and each case's declined reuses as the
 * service tells them (its sentences, in the language toggled, so switching needs no new request).
 */
export function accessLogLines(view: AccessLogView | undefined, lang: Lang): { reads: AccessLogLine[]; declined: AccessLogLine[] } {
  const newestFirst = (a: AccessLogLine, b: AccessLogLine) => b.at.localeCompare(a.at);
  const reads = (view?.reads ?? []).map((read, index) => ({ key: `read-${index}`, at: read.at, sentence: read.sentences?.[lang] ?? read.sentence }));
  const declined = (view?.declined ?? []).map((entry) => ({ key: `declined-${entry.caseId}`, at: entry.refusedAt, sentence: entry.sentences?.[lang] ?? entry.sentence, caseId: entry.caseId }));
  return { reads: reads.sort(newestFirst), declined: declined.sort(newestFirst) };
}

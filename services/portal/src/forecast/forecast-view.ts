import type { Catalogue, CompletionForecast, ForecastBasis, Lang, Localized, Message } from '@work-permit/catalogue';
import { localize, render } from '@work-permit/catalogue';

/** A reason in the reader's language, both languages beside it, and its catalogue code. */
export interface ForecastNoteView {
  code: string;
  text: string;
  texts: Localized;
}

/**
 * What an item's dates rest on: the codes (`earliest` automatic|manual|decided, `latest`
 * statutory_limit|time_limit|decided, `expected` observed|statutory_limit|time_limit|decided), how many
 * decisions were observed, the median used, and the expected date's basis in words.
 */
export interface ForecastBasisView {
  earliest: string;
  latest: string;
  expected: string;
  observedDecisions: number;
  medianWorkingDays?: number;
  /** E.g. 预计…：按近期已办结24件的实际用时中位数4个工作日估算 / …仅按法定期限估算. */
  code: string;
  text: string;
  texts: Localized;
}

export interface ItemForecastView {
  code: string;
  name: string;
  action: string;
  agency: string;
  /** The item's status in the case (absent for a selection). */
  status?: string;
  state: 'forecast' | 'decided' | 'ended';
  earliestDate: string | null;
  expectedDate: string | null;
  latestDate: string | null;
  dependsOn: string[];
  onCriticalPath: boolean;
  basis: ForecastBasisView | null;
  explanation: string;
  explanations: Localized;
  shifts: ForecastNoteView[];
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
  notes: ForecastNoteView[];
  items: ItemForecastView[];
}

export interface ForecastViewOptions {
  lang: Lang;
  caseId?: string;
  /** Each item's status in the case, by code. */
  statuses?: ReadonlyMap<string, string>;
  /** The items the reader may see (an officer: its agency's); all by default. */
  visible?: ReadonlySet<string>;
}

/** The forecast as the API shows it: every message in the reader's language with both beside it; only the items the reader may see. */
export function toForecastView(catalogue: Catalogue, forecast: CompletionForecast, { lang, caseId, statuses, visible }: ForecastViewOptions): ForecastView {
  const shown = (code: string) => !visible || visible.has(code);
  return {
    ...(caseId && { caseId }),
    submittedOn: forecast.submittedOn,
    today: forecast.today,
    earliestDate: forecast.earliestDate,
    expectedDate: forecast.expectedDate,
    latestDate: forecast.latestDate,
    criticalPath: forecast.criticalPath.filter(shown),
    provisional: forecast.provisional,
    notes: forecast.notes.map((note) => noteView(note, lang)),
    items: forecast.items
      .filter((item) => shown(item.code))
      .map((item) => {
        const explanations = localize(item.explanation);
        return {
          code: item.code,
          name: catalogue.items.find((candidate) => candidate.code === item.code)?.name[lang] ?? item.code,
          action: item.action,
          agency: item.agency,
          ...(statuses?.has(item.code) && { status: statuses.get(item.code) }),
          state: item.state,
          earliestDate: item.earliestDate,
          expectedDate: item.expectedDate,
          latestDate: item.latestDate,
          dependsOn: item.dependsOn,
          onCriticalPath: item.onCriticalPath,
          basis: item.basis && basisView(item.basis, lang),
          explanation: explanations[lang],
          explanations,
          shifts: item.shifts.map((shift) => noteView(shift, lang)),
        };
      }),
  };
}

function basisView({ message: why, ...codes }: ForecastBasis, lang: Lang): ForecastBasisView {
  return { ...codes, ...noteView(why, lang) };
}

function noteView(note: Message, lang: Lang): ForecastNoteView {
  return { code: note.code, text: render(note, lang), texts: localize(note) };
}

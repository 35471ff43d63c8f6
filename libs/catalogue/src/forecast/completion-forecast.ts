/**
 * The completion forecast (issue 15, B2): for each chosen item of a case or of a selection not yet
 * submitted, the earliest and the latest day it can be decided, and the case's critical path.
 *
 * The rule, item by item in the prerequisite graph's order:
 * - The clock starts on the day of submission, or — for an item waiting for another chosen item
 *   (the residence permit for the work permit) — on the day that item is decided, as the agencies
 *   start it (libs/agency-review `startClock`). Steps (talent category, list screening) run inside
 *   their item's own limit and never move a clock.
 * - Earliest: an automatic item is decided the day its clock starts (the fastest automatic path); an
 *   officer's item (manual by default, or in joint review) on the first working day from then. Never
 *   before the day a supplement arrives, nor before today, nor after the latest.
 * - Expected: once at least `minimumObservations` decisions of the item (and its action) have been
 *   observed (`observed`, measured by `clockWorkingDays` in the same units), their median in working
 *   days from the clock's expected start (the prerequisites' expected days); otherwise the time limit
 *   counted from there, as the latest is — the law's limit alone. Never before the earliest nor after
 *   the latest; an item in joint review is not forecast from the ordinary decisions. `basis` says
 *   which, and of how many decisions.
 * - Latest: the law's limit (`statutoryLimit`) with the extension it allows included (work permit:
 *   20 + 10 working days), else the item's time limit (residence permit: 15 calendar days), counted
 *   from the clock's latest start with workdays' `dueDate` — the agencies' own count, over the State
 *   Council holiday calendar with its adjusted working weekends; a calendar-day limit ending on a
 *   holiday is not moved. Observed durations never move the latest: it is what the law guarantees.
 * - A supplement request stops the clock from the request and it runs again from the day the documents
 *   arrive (`dueDate`'s pauses, as the agencies count them: for pre-review's request at acceptance this
 *   is a restart from the supplement day). While the documents are awaited, the earliest and the
 *   expected day assume they arrive today and the latest that they arrive on the notice's deadline
 *   (`supplementWithinDays`). The item says so, and so does each item whose clock waits for it.
 * - A decided item is fixed at its decision day; a terminated or withdrawn one, or one whose
 *   prerequisite failed, has no dates. An undecided item past its latest day shows today as latest.
 * - The case: the latest of the items' earliest, expected and latest days. The critical path ends at
 *   the item decided last at the latest and follows back, from each item, its prerequisite decided
 *   last at the latest (the one its clock waits for).
 */
import { addCalendarDays, dueDate, earliest as earliestOf, isBeyondCalendar, type IsoDate, latest as latestOf, type Pause } from '@work-permit/workdays';
import { resolveSelection } from '../form/selection.resolver';
import { topologicalOrder } from '../graph/prerequisite-graph';
import { message } from '../messages/message';
import type { Message } from '../messages/phrase';
import type { AgencyCode, Catalogue, ItemAction, ItemCode, ItemSelection, TimeLimit } from '../model/catalogue.model';
import { assertCalendarDate } from '../shared/calendar-date';
import type { ObservedDecisionTime } from './observed-decision-times';

/** API.md's item statuses, as a case's read model has them. */
export type ForecastItemStatus = 'pending' | 'in_review' | 'awaiting_supplement' | 'joint_review' | 'granted' | 'rejected' | 'terminated' | 'withdrawn';

/** One supplement request of an item: the day it went out, and the day the documents arrived (none while awaited). */
export interface SupplementPeriod {
  requestedOn: IsoDate;
  suppliedOn?: IsoDate | null;
}

/** What has happened to one item of a submitted case. */
export interface ItemProgress {
  status: ForecastItemStatus;
  /** The day it was granted or rejected. */
  decidedOn?: IsoDate | null;
  supplements?: readonly SupplementPeriod[];
}

export interface ForecastRequest {
  /** The chosen items (a case's, or the form's selection). */
  selection: readonly ItemSelection[];
  /** The day of submission in China; for a selection, the day it would be submitted. */
  submittedOn: IsoDate;
  /** The day the forecast is made, in China; the day of submission by default. */
  today?: IsoDate;
  /** A submitted case's items as they stand, by code; none for a selection. */
  progress?: Readonly<Record<ItemCode, ItemProgress>>;
  /** Observed decision times by item code, each of the action chosen, where measured (`clockWorkingDays`). */
  observed?: Readonly<Record<ItemCode, ObservedDecisionTime>>;
  /** Decisions needed before their median gives the expected date; the catalogue's `forecast.minimumObservations` by default. */
  minimumObservations?: number;
}

export type EarliestBasis = 'automatic' | 'manual' | 'decided';
export type LatestBasis = 'statutory_limit' | 'time_limit' | 'decided';
/** The expected date: from the observed median, from the time limit alone, or fixed by the decision. */
export type ExpectedBasis = 'observed' | 'statutory_limit' | 'time_limit' | 'decided';

/** What an item's dates rest on. */
export interface ForecastBasis {
  earliest: EarliestBasis;
  latest: LatestBasis;
  expected: ExpectedBasis;
  /** Decisions of the item observed (0 when none were given): the expected date uses them from the minimum on. */
  observedDecisions: number;
  /** The median the expected date was counted with, in whole working days (rounded up); with `expected: 'observed'` only. */
  medianWorkingDays?: number;
  /** What the expected date rests on, in words: the law's limit alone (and how many decisions are still wanted) or the median of how many. */
  message: Message;
}

export interface ItemForecast {
  code: ItemCode;
  action: ItemAction;
  agency: AgencyCode;
  /** `forecast`: still to be decided; `decided`: fixed at its decision; `ended`: will not be decided. */
  state: 'forecast' | 'decided' | 'ended';
  earliestDate: IsoDate | null;
  /** The likeliest day: the observed median once measured, else the time limit; between the earliest and the latest. */
  expectedDate: IsoDate | null;
  latestDate: IsoDate | null;
  /** The chosen items it waits for. */
  dependsOn: ItemCode[];
  onCriticalPath: boolean;
  basis: ForecastBasis | null;
  /** What the dates rest on. */
  explanation: Message;
  /** Why the forecast moved from the plain one: a supplement, a prerequisite decided or failed, a joint review, an overdue limit. */
  shifts: Message[];
}

export interface CompletionForecast {
  submittedOn: IsoDate;
  today: IsoDate;
  /** The day every item still to be decided can be decided at the soonest (null when none will be). */
  earliestDate: IsoDate | null;
  /** The day every item is expected to be decided (the latest of the items' expected days). */
  expectedDate: IsoDate | null;
  /** The day every item is decided at the latest. */
  latestDate: IsoDate | null;
  /** Item codes from the first to the one decided last at the latest. */
  criticalPath: ItemCode[];
  items: ItemForecast[];
  /** True when a date falls in a year whose holiday notice is not out yet (counted Monday to Friday). */
  provisional: boolean;
  /** Case-wide notes (a provisional calendar). */
  notes: Message[];
}

const DECIDED: readonly ForecastItemStatus[] = ['granted', 'rejected'];
const ENDED: readonly ForecastItemStatus[] = ['terminated', 'withdrawn'];

interface Span {
  earliest: IsoDate;
  expected: IsoDate;
  latest: IsoDate;
}

interface Worked extends ItemForecast {
  /** The item's dates; none for an item that will not be decided. */
  span?: Span;
  /** The prerequisite decided last at the latest, which this item's clock waits for; none without one. */
  drivenBy?: ItemCode;
  granted: boolean;
  /** Its dates moved for supplementary documents: its own, or those of an undecided prerequisite. */
  movedBySupplement: boolean;
}

/**
 * The forecast of `request` under `catalogue` (the case's version). Throws the catalogue's
 * `CatalogueError` for a selection it cannot resolve (unknown item, a step, an action not offered).
 */
export function forecastCompletion(catalogue: Catalogue, request: ForecastRequest): CompletionForecast {
  assertCalendarDate(request.submittedOn, 'submittedOn');
  const today = request.today ?? request.submittedOn;
  assertCalendarDate(today, 'today');
  const minimumObservations = request.minimumObservations ?? catalogue.parameters.forecast.minimumObservations;
  const choices = new Map(resolveSelection(catalogue, request.selection).map((choice) => [choice.item.code, choice]));
  const worked = new Map<ItemCode, Worked>();
  const ordered = topologicalOrder(catalogue).flatMap((code) => choices.get(code) ?? []);
  for (const { item, action } of ordered) {
    const code = item.code;
    const dependsOn = item.prerequisites.filter((p) => choices.has(p));
    const base = { code, action: action.action, agency: item.agency, dependsOn, onCriticalPath: false };
    const progress = request.progress?.[code];
    const prerequisites = dependsOn.flatMap((p) => worked.get(p) ?? []);
    const observedDecisions = request.observed?.[code]?.decisions ?? 0;

    if (progress && DECIDED.includes(progress.status) && progress.decidedOn) {
      const granted = progress.status === 'granted';
      worked.set(code, {
        ...base,
        state: 'decided',
        earliestDate: progress.decidedOn,
        expectedDate: progress.decidedOn,
        latestDate: progress.decidedOn,
        span: { earliest: progress.decidedOn, expected: progress.decidedOn, latest: progress.decidedOn },
        basis: { earliest: 'decided', latest: 'decided', expected: 'decided', observedDecisions, message: message('forecast.expected.decided', { date: progress.decidedOn }) },
        explanation: message('forecast.decided', { date: progress.decidedOn, granted }),
        shifts: [],
        granted,
        movedBySupplement: false,
        drivenBy: drivingPrerequisite(prerequisites),
      });
      continue;
    }
    if (progress && ENDED.includes(progress.status)) {
      worked.set(code, ended(base, progress.status, []));
      continue;
    }
    const failed = prerequisites.find((p) => !p.span || (p.state === 'decided' && !p.granted));
    if (failed) {
      worked.set(code, ended(base, 'terminated', [message('forecast.shift.prerequisite_failed', { item: failed.code })]));
      continue;
    }

    const spans = prerequisites.flatMap((p) => (p.span ? [{ code: p.code, decided: p.state === 'decided', ...p.span }] : []));
    const shifts: Message[] = spans
      .filter((p) => p.decided && p.earliest > request.submittedOn)
      .map((p) => message('forecast.shift.prerequisite_granted', { item: p.code, date: p.earliest }));
    // A prerequisite whose clock stopped for documents holds this item's clock back too: say why it moved.
    for (const moved of prerequisites.filter((p) => p.state === 'forecast' && p.movedBySupplement)) {
      shifts.push(message('forecast.shift.prerequisite_supplement', { item: moved.code }));
    }
    const startEarliest = latestOf(request.submittedOn, ...spans.map((p) => p.earliest));
    const startExpected = latestOf(request.submittedOn, ...spans.map((p) => p.expected));
    const startLatest = latestOf(request.submittedOn, ...spans.map((p) => p.latest));

    // The supplements: answered ones as they were; one awaited arrives today (earliest) or on its deadline (latest).
    const supplements = progress?.supplements ?? [];
    const deadlineOf = (s: SupplementPeriod) => latestOf(today, addCalendarDays(s.requestedOn, catalogue.parameters.documents.supplementWithinDays));
    const answeredEarliest = supplements.map((s) => s.suppliedOn ?? latestOf(s.requestedOn, today));
    const pausesEarliest: Pause[] = supplements.map((s, i) => ({ from: s.requestedOn, to: answeredEarliest[i] }));
    const pausesLatest: Pause[] = supplements.map((s) => ({ from: s.requestedOn, to: s.suppliedOn ?? deadlineOf(s) }));
    for (const s of supplements) {
      shifts.push(
        s.suppliedOn
          ? message('forecast.shift.supplemented', { requestedOn: s.requestedOn, suppliedOn: s.suppliedOn })
          : message('forecast.shift.supplement_pending', { requestedOn: s.requestedOn, deadline: deadlineOf(s) }),
      );
    }

    // Latest: the law's limit with its extension, else the item's time limit.
    const statutory = item.statutoryLimit;
    const limit: TimeLimit = statutory ? { amount: statutory.amount + (statutory.extendableBy ?? 0), unit: statutory.unit } : (action.timeLimit ?? item.timeLimit);
    const due = count(startLatest, limit, pausesLatest);
    let latestDate = due;
    if (latestDate < today) {
      shifts.push(message('forecast.shift.overdue', { date: due }));
      latestDate = today;
    }

    // Earliest: the fastest path; never while documents are awaited, before today, or after the latest.
    const inJointReview = progress?.status === 'joint_review';
    if (inJointReview) shifts.push(message('forecast.shift.joint_review'));
    const manual = item.manualByDefault || inJointReview;
    const floor = latestOf(startEarliest, today, ...answeredEarliest);
    const earliestBasis: EarliestBasis = manual ? 'manual' : 'automatic';
    const earliestDate = earliestOf(manual ? firstWorkingDayFrom(floor) : floor, latestDate);
    const earliestWhy = message(manual ? 'forecast.earliest.manual' : 'forecast.earliest.automatic', { date: earliestDate });

    // Expected: the observed median once there are enough decisions (a joint review is not an ordinary one), else the limit alone.
    const observed = inJointReview ? undefined : request.observed?.[code];
    const medianWorkingDays = observed && observed.decisions >= minimumObservations ? Math.ceil(Math.max(0, observed.medianWorkingDays)) : undefined;
    const between = (date: IsoDate) => earliestOf(latestOf(date, earliestDate), latestDate);
    const statutoryBasis: LatestBasis = statutory ? 'statutory_limit' : 'time_limit';
    const expectedDate =
      medianWorkingDays !== undefined
        ? between(count(startExpected, { amount: medianWorkingDays, unit: 'working_days' }, pausesEarliest))
        : between(count(startExpected, limit, pausesLatest));
    const expectedWhy =
      medianWorkingDays !== undefined
        ? message('forecast.expected.observed', { date: expectedDate, decisions: observedDecisions, workingDays: medianWorkingDays })
        : message('forecast.expected.limit', { date: expectedDate, statutory: Boolean(statutory), decisions: observedDecisions, minimum: minimumObservations });
    const latestWhy = message('forecast.latest.limit', {
      date: latestDate,
      start: startLatest,
      amount: statutory ? statutory.amount : limit.amount,
      unit: limit.unit,
      extension: statutory?.extendableBy,
    });
    worked.set(code, {
      ...base,
      state: 'forecast',
      earliestDate,
      expectedDate,
      latestDate,
      span: { earliest: earliestDate, expected: expectedDate, latest: latestDate },
      basis: {
        earliest: earliestBasis,
        latest: statutoryBasis,
        expected: medianWorkingDays !== undefined ? 'observed' : statutoryBasis,
        observedDecisions,
        ...(medianWorkingDays !== undefined && { medianWorkingDays }),
        message: expectedWhy,
      },
      explanation: message('forecast.explanation', { earliest: earliestWhy, expected: expectedWhy, latest: latestWhy }),
      shifts,
      granted: false,
      movedBySupplement: supplements.length > 0 || prerequisites.some((p) => p.state === 'forecast' && p.movedBySupplement),
      drivenBy: drivingPrerequisite(prerequisites),
    });
  }

  const items = [...worked.values()];
  const criticalPath = criticalPathOf(items, worked);
  const spans = items.flatMap((i) => i.span ?? []);
  const dates = spans.flatMap((span) => [span.earliest, span.latest]);
  const beyond = [...new Set(dates.filter((d) => isBeyondCalendar(d)).map((d) => Number(d.slice(0, 4))))].sort();
  return {
    submittedOn: request.submittedOn,
    today,
    earliestDate: spans.length > 0 ? latestOf(...spans.map((span) => span.earliest)) : null,
    expectedDate: spans.length > 0 ? latestOf(...spans.map((span) => span.expected)) : null,
    latestDate: spans.length > 0 ? latestOf(...spans.map((span) => span.latest)) : null,
    criticalPath,
    items: items.map(({ span: _span, drivenBy: _drivenBy, granted: _granted, movedBySupplement: _moved, ...item }) => ({ ...item, onCriticalPath: criticalPath.includes(item.code) })),
    provisional: beyond.length > 0,
    notes: beyond.map((year) => message('forecast.shift.provisional_calendar', { year })),
  };
}

function ended(base: Pick<ItemForecast, 'code' | 'action' | 'agency' | 'dependsOn' | 'onCriticalPath'>, status: ForecastItemStatus, shifts: Message[]): Worked {
  return { ...base, state: 'ended', earliestDate: null, expectedDate: null, latestDate: null, basis: null, explanation: message('forecast.ended', { status }), shifts, granted: false, movedBySupplement: false };
}

/** The prerequisite decided last at the latest: the one the item's clock waits for (even when decided the day of submission). */
function drivingPrerequisite(prerequisites: readonly Worked[]): ItemCode | undefined {
  let driving: { code: ItemCode; latest: IsoDate } | undefined;
  for (const p of prerequisites) {
    if (p.span && (!driving || p.span.latest > driving.latest)) driving = { code: p.code, latest: p.span.latest };
  }
  return driving?.code;
}

/** From the item decided last at the latest (the later earliest breaks a tie), back along the prerequisites that started each clock. */
function criticalPathOf(items: readonly Worked[], byCode: ReadonlyMap<ItemCode, Worked>): ItemCode[] {
  let last: (Span & { item: Worked }) | undefined;
  for (const item of items) {
    const span = item.span;
    if (!span) continue;
    if (!last || span.latest > last.latest || (span.latest === last.latest && span.earliest > last.earliest)) last = { ...span, item };
  }
  const path: ItemCode[] = [];
  for (let at = last?.item; at; at = at.drivenBy ? byCode.get(at.drivenBy) : undefined) path.unshift(at.code);
  return path;
}

/**
 * The last day of `limit` from `start` as the agencies count it; past the years the holiday calendar
 * covers, Monday to Friday (the forecast is then provisional). Only answered pauses reach here.
 */
function count(start: IsoDate, limit: TimeLimit, pauses: readonly Pause[]): IsoDate {
  return dueDate(start, limit, pauses, { beyondCalendar: 'weekdays' }) as IsoDate;
}

/** `day` when it is a working day, else the next one. */
function firstWorkingDayFrom(day: IsoDate): IsoDate {
  return count(addCalendarDays(day, -1), { amount: 1, unit: 'working_days' }, []);
}

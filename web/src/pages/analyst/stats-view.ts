// The `GET /api/stats` answer (data-sharing, services/data-sharing/src/stats/stats-view.ts) read
// defensively: every part may be missing or malformed (an older service, a series still being added),
// and the dashboard then shows what it has instead of failing.

export const CASE_STATUSES = ['in_progress', 'completed', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CHANNELS = ['online', 'offline'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ReasonCount {
  reason: string;
  count: number;
}

export interface ItemStats {
  item: string;
  agency: string | null;
  total: number;
  open: number;
  granted: number;
  rejected: number;
  terminated: number;
  withdrawn: number;
  /** From the case's submission to the decision, in hours; null before any decision. */
  decisionHours: { count: number; median: number | null; p90: number | null };
  /**
   * The same decisions in working days as the law counts them (State Council calendar, supplement pauses
   * not counted); null when the service does not give them (yet). `provisional`: a year without a holiday notice counted Monday–Friday.
   */
  decisionWorkingDays: { count: number; median: number | null; p90: number | null; provisional: boolean } | null;
  /** Fractions 0..1. */
  supplementRate: number | null;
  rejectionRate: number | null;
  topRejectionReasons: ReasonCount[];
  topSupplementReasons: ReasonCount[];
  topRequestedMaterials: ReasonCount[];
  everOverdue: number;
}

export interface OverdueItem {
  caseId: string;
  item: string;
  agency: string | null;
  dueDate: string | null;
  since: string | null;
  /** Working days past the due date today (China); null when not given. */
  workingDaysOverdue: number | null;
}

export interface BlockingPoint {
  step: string;
  /** Null for a wait of the whole case (the joint review). */
  item: string | null;
  state: string;
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
  waitingNow: number;
}

export interface DailyCount {
  day: string;
  online: number;
  offline: number;
  completed: number;
  withdrawn: number;
}

export interface DashboardStats {
  cases: {
    total: number;
    byStatus: Record<CaseStatus, number>;
    byChannel: Record<Channel, number>;
    /** Null when the service gave no breakdown of status by channel. */
    byStatusAndChannel: { status: CaseStatus; channel: Channel; count: number }[] | null;
  };
  items: ItemStats[];
  /** `maxWorkingDaysOverdue`: the longest any item is overdue, in working days; null when none (or not given). */
  overdue: { count: number; maxWorkingDaysOverdue: number | null; items: OverdueItem[] };
  blockingPoints: BlockingPoint[];
  /** Null when the service does not give the daily series (yet). */
  daily: DailyCount[] | null;
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function list(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function reasons(value: unknown): ReasonCount[] {
  return list(value)
    .map((entry) => ({ reason: text(entry.reason).trim(), count: count(entry.count) }))
    .filter((entry) => entry.reason !== '');
}

function isStatus(value: unknown): value is CaseStatus {
  return CASE_STATUSES.includes(value as CaseStatus);
}

function isChannel(value: unknown): value is Channel {
  return CHANNELS.includes(value as Channel);
}

function parseCases(raw: unknown): DashboardStats['cases'] {
  const cases = isObject(raw) ? raw : {};
  const pairs = Array.isArray(cases.byStatusAndChannel)
    ? list(cases.byStatusAndChannel)
        .filter((entry) => isStatus(entry.status) && isChannel(entry.channel))
        .map((entry) => ({ status: entry.status as CaseStatus, channel: entry.channel as Channel, count: count(entry.count) }))
    : null;
  const byStatusRaw = isObject(cases.byStatus) ? cases.byStatus : {};
  const byChannelRaw = isObject(cases.byChannel) ? cases.byChannel : {};
  const sumOf = (pick: (pair: { status: CaseStatus; channel: Channel }) => boolean) => (pairs ?? []).filter(pick).reduce((total, pair) => total + pair.count, 0);
  // Prefer the service's own totals; derive them from the pairs only when it gave none.
  const byStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, status in byStatusRaw ? count(byStatusRaw[status]) : sumOf((pair) => pair.status === status)])) as Record<CaseStatus, number>;
  const byChannel = Object.fromEntries(CHANNELS.map((channel) => [channel, channel in byChannelRaw ? count(byChannelRaw[channel]) : sumOf((pair) => pair.channel === channel)])) as Record<Channel, number>;
  const total = typeof cases.total === 'number' ? count(cases.total) : CASE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
  return { total, byStatus, byChannel, byStatusAndChannel: pairs };
}

function parseItem(entry: Loose): ItemStats {
  const decision = isObject(entry.decisionHours) ? entry.decisionHours : {};
  const workingDays = isObject(entry.decisionWorkingDays) ? entry.decisionWorkingDays : null;
  return {
    item: text(entry.item),
    agency: textOrNull(entry.agency),
    total: count(entry.total),
    open: count(entry.open),
    granted: count(entry.granted),
    rejected: count(entry.rejected),
    terminated: count(entry.terminated),
    withdrawn: count(entry.withdrawn),
    decisionHours: { count: count(decision.count), median: numberOrNull(decision.median), p90: numberOrNull(decision.p90) },
    decisionWorkingDays: workingDays
      ? { count: count(workingDays.count), median: numberOrNull(workingDays.median), p90: numberOrNull(workingDays.p90), provisional: workingDays.provisional === true }
      : null,
    supplementRate: numberOrNull(entry.supplementRate),
    rejectionRate: numberOrNull(entry.rejectionRate),
    topRejectionReasons: reasons(entry.topRejectionReasons),
    topSupplementReasons: reasons(entry.topSupplementReasons),
    topRequestedMaterials: reasons(entry.topRequestedMaterials),
    everOverdue: count(entry.everOverdue),
  };
}

function parseDaily(raw: unknown): DailyCount[] | null {
  if (!Array.isArray(raw)) return null;
  return list(raw)
    .filter((entry) => typeof entry.day === 'string' && entry.day !== '')
    .map((entry) => {
      const submitted = isObject(entry.submitted) ? entry.submitted : {};
      return { day: text(entry.day), online: count(submitted.online), offline: count(submitted.offline), completed: count(entry.completed), withdrawn: count(entry.withdrawn) };
    })
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** The statistics as the dashboard reads them, whatever parts the service gave. */
export function parseStats(raw: unknown): DashboardStats {
  const stats = isObject(raw) ? raw : {};
  const overdue = isObject(stats.overdue) ? stats.overdue : {};
  const overdueItems = list(overdue.items).map((entry) => ({
    caseId: text(entry.caseId),
    item: text(entry.item),
    agency: textOrNull(entry.agency),
    dueDate: textOrNull(entry.dueDate),
    since: textOrNull(entry.since),
    workingDaysOverdue: numberOrNull(entry.workingDaysOverdue),
  }));
  const knownOverdue = overdueItems.map((entry) => entry.workingDaysOverdue).filter((days): days is number => days !== null);
  return {
    cases: parseCases(stats.cases),
    items: list(stats.items)
      .filter((entry) => typeof entry.item === 'string' && entry.item !== '')
      .map(parseItem),
    overdue: {
      count: typeof overdue.count === 'number' ? count(overdue.count) : overdueItems.length,
      // The service's own figure, else the largest of the rows'.
      maxWorkingDaysOverdue: numberOrNull(overdue.maxWorkingDaysOverdue) ?? (knownOverdue.length > 0 ? Math.max(...knownOverdue) : null),
      items: overdueItems,
    },
    blockingPoints: list(stats.blockingPoints).map((entry) => ({
      step: text(entry.step),
      item: textOrNull(entry.item),
      state: text(entry.state),
      count: count(entry.count),
      medianHours: numberOrNull(entry.medianHours),
      p90Hours: numberOrNull(entry.p90Hours),
      waitingNow: count(entry.waitingNow),
    })),
    daily: parseDaily(stats.daily),
  };
}

import { type Message, message, officerReason, onTheWire } from '@work-permit/catalogue';
import { Clock } from '@work-permit/platform';
import { consumingOnly, startServiceUnderTest, type ServiceUnderTest } from '@work-permit/platform/testing';
import { createTestTopic, testKafka } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { dailySeriesOf, dailySeriesOfCounts } from '../src/stats/daily-series';
import { statisticsOf } from '../src/stats/statistics';
import { StatisticsQuery } from '../src/stats/statistics.query';
import type { ItemState } from '../src/stats/stats-model';
import { StatsRepository } from '../src/stats/stats.repository';
import { randomSource } from './random-source';
import { statsHistoryIn } from './stats-history';

/**
 * The service sums the statistics up in the database; the reference functions compute them from the
 * whole history. Over a history drawn at random (fixed seed) with every kind of row the fold keeps —
 * cases not yet submitted, outcomes of every kind, reasons with and without messages, supplement
 * requests repeated and answered, transitions out of order and after the outcome, equal timestamps,
 * days on both sides of midnight in China, a year beyond the holiday calendar — both give the same
 * figures, to the last bit.
 */
describe('data-sharing statistics summed up in the database', () => {
  let sharing: ServiceUnderTest<DataSharingConfig>;

  beforeAll(async () => {
    const topic = await createTestTopic(testKafka(), 'stats-aggregates');
    sharing = await startServiceUnderTest(DataSharingService, DataSharingConfig, (config) => consumingOnly(AppModule.register(config), DataSharingService, topic, config));
    await insertHistory(sharing.app.get(DataSource), randomHistory(20261207, 400));
  }, 60_000);

  afterAll(async () => {
    await sharing?.close();
  });

  it('gives every figure the reference functions give over the whole history', async () => {
    const history = await statsHistoryIn(sharing.app.get(DataSource));
    expect(history.transitions.length).toBeGreaterThan(1_000);
    const summed = await sharing.app.get(StatisticsQuery).current();
    // The overdue items are measured up to today in China, which the query takes from its clock.
    expect(summed).toEqual(statisticsOf(history, sharing.app.get(Clock).today()));
    // What the history holds, so the comparison is not of empty figures.
    expect(summed.items.map((item) => item.item)).toEqual(['RESIDENCE_PERMIT', 'TALENT_CATEGORY', 'WORK_PERMIT']);
    expect(summed.items.every((item) => item.decisionSeconds.count > 10 && item.topRejectionReasons.length > 0 && item.topSupplementReasons.length > 0)).toBe(true);
    expect(summed.items.some((item) => item.decisionWorkingDays.provisional)).toBe(true);
    expect(summed.blockingPoints.some((point) => point.step === 'case joint_review' && point.count > 0 && point.waitingNow > 0)).toBe(true);
    expect(summed.overdue.length).toBeGreaterThan(5);
  });

  it('draws the same daily series as the reference over the whole history', async () => {
    const history = await statsHistoryIn(sharing.app.get(DataSource));
    const window = { from: '2026-02-25', to: '2026-04-30' };
    const { daily } = await sharing.app.get(StatsRepository).aggregates(window);
    const reference = dailySeriesOf(history.cases, history.items, window);
    expect(dailySeriesOfCounts(daily, window)).toEqual(reference);
    expect(reference.reduce((total, day) => total + day.completed + day.withdrawn + day.submitted.offline, 0)).toBeGreaterThan(100);
  });
});

interface History {
  cases: Record<string, unknown>[];
  items: Record<string, unknown>[];
  transitions: Record<string, unknown>[];
}

async function insertHistory(dataSource: DataSource, history: History): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const [table, rows] of [
      ['stats_case', history.cases],
      ['stats_item', history.items],
      ['stats_item_transition', history.transitions],
    ] as const) {
      await manager.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [JSON.stringify(rows)]);
    }
  });
}

const CODES = [
  { code: 'WORK_PERMIT', agency: 'approval', chosen: true },
  { code: 'RESIDENCE_PERMIT', agency: 'psb', chosen: true },
  { code: 'TALENT_CATEGORY', agency: 'science', chosen: false },
] as const;

const REASONS: readonly { message: Message | null; text: string | null }[] = [
  { message: message('residence_permit.passport.expired', { passportExpiry: '2026-03-01' }), text: null },
  { message: message('residence_permit.passport.expired', { passportExpiry: '2026-02-01' }), text: null },
  { message: officerReason('salary below the threshold'), text: null },
  { message: officerReason('another officer’s words'), text: null },
  { message: null, text: 'a reason from before the catalogue' },
  { message: { code: 'reason.of.a.newer.build', params: {} }, text: 'written by a newer producer' },
  { message: null, text: null },
];

const SUPPLEMENT_REASONS: readonly { message: Message | null; text: string | null }[] = [
  { message: message('review.material_asked', { material: 'PASSPORT' }), text: null },
  { message: message('review.material_asked', { material: 'DIPLOMA' }), text: null },
  { message: null, text: 'send the contract again' },
];

const MATERIALS = [[], ['PASSPORT'], ['PASSPORT', 'DIPLOMA'], ['CONTRACT'], ['']];
const WAITING: readonly ItemState[] = ['pending', 'in_review', 'awaiting_supplement', 'supplemented', 'joint_review'];
const OUTCOMES = ['granted', 'rejected', 'terminated', 'withdrawn'] as const;

/** `cases` cases from March 2026 (a few decided in 2031, beyond the calendar), as the fold would have kept them. */
function randomHistory(seed: number, cases: number): History {
  const random = randomSource(seed);
  const start = Date.UTC(2026, 2, 2, 0, 0, 0);
  // Whole half hours, so some events of one item share their instant and some fall on midnight in China (16:00 UTC).
  const later = (from: number, halfHours: number) => from + halfHours * 1_800_000 + (random.chance(0.2) ? random.between(1, 999) : 0);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const reasonColumns = (reason: { message: Message | null; text: string | null }) => ({
    reason: reason.text ?? (reason.message ? onTheWire(reason.message).slice(0, 60) : null),
    reason_message: reason.message,
  });
  const history: History = { cases: [], items: [], transitions: [] };
  for (let n = 0; n < cases; n += 1) {
    const caseId = randomUUID();
    const seen = random.chance(0.93);
    const submittedAt = later(start, random.between(0, 48 * 20));
    const withdrawnAt = random.chance(0.08) ? later(submittedAt, random.between(1, 200)) : null;
    const jointOpened = random.chance(0.1) ? later(submittedAt, random.between(1, 100)) : null;
    history.cases.push({
      case_id: caseId,
      channel: seen ? random.pick(['online', 'offline']) : null,
      submitted_at: iso(seen ? submittedAt : null),
      withdrawn_at: iso(withdrawnAt),
      status: withdrawnAt ? 'withdrawn' : random.pick(['in_progress', 'completed']),
      joint_review_opened_at: iso(jointOpened),
      joint_review_concluded_at: iso(jointOpened !== null && random.chance(0.6) ? later(jointOpened, random.between(0, 96)) : null),
    });
    for (const { code, agency, chosen } of CODES.filter(() => random.chance(0.75))) {
      let at = submittedAt;
      const moves: { state: ItemState; at: number; reason: { message: Message | null; text: string | null }; materials: string[] }[] = [];
      const move = (state: ItemState, reason = { message: null as Message | null, text: null as string | null }, materials: string[] = []) => moves.push({ state, at, reason, materials });
      move('submitted');
      let supplementAt: number | null = null;
      for (let step = random.between(0, 5); step > 0; step -= 1) {
        at = later(at, random.between(0, 30));
        const state = random.pick(WAITING);
        if (state === 'awaiting_supplement') {
          supplementAt ??= at;
          move(state, random.pick(SUPPLEMENT_REASONS), random.pick(MATERIALS));
          // The same request announced again, as an overdue notice repeats it.
          if (random.chance(0.3)) move(state, moves.at(-1)?.reason, moves.at(-1)?.materials);
        } else move(state);
        if (random.chance(0.05)) move('submitted');
      }
      const decidedInYearBeyond = random.chance(0.03);
      const outcome = random.chance(0.8) ? random.pick(OUTCOMES) : null;
      const outcomeReason = random.pick(REASONS);
      let outcomeAt: number | null = null;
      if (outcome) {
        at = decidedInYearBeyond ? Date.UTC(2031, 0, random.between(1, 300), random.between(0, 23)) : later(at, random.between(0, 200));
        outcomeAt = at;
        move(outcome, outcome === 'rejected' || outcome === 'terminated' ? outcomeReason : undefined);
        // A producer's late report of an earlier state, after the outcome.
        if (random.chance(0.1)) move(random.pick(WAITING));
      }
      const overdue = random.chance(0.12) ? later(submittedAt, random.between(10, 400)) : null;
      history.items.push({
        case_id: caseId,
        item_code: code,
        agency: random.chance(0.9) ? agency : null,
        chosen,
        review_started_at: iso(moves.find((m) => m.state === 'in_review')?.at ?? null),
        outcome,
        outcome_at: iso(outcomeAt),
        ...(outcome === 'rejected' || outcome === 'terminated' ? reasonColumns(outcomeReason) : { reason: null, reason_message: null }),
        supplement_requested_at: iso(supplementAt),
        overdue_at: iso(overdue),
        overdue_due_date: overdue !== null && random.chance(0.8) ? new Date(overdue - 86_400_000 * random.between(0, 5)).toISOString().slice(0, 10) : null,
      });
      for (const m of moves) {
        history.transitions.push({
          event_id: randomUUID(),
          item_code: code,
          case_id: caseId,
          state: m.state,
          at: iso(m.at),
          ...reasonColumns(m.reason),
          requested_materials: m.materials,
        });
      }
    }
  }
  return history;
}

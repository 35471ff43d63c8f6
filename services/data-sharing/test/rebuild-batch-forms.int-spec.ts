import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { message, onTheWire, toWire } from '@work-permit/catalogue';
import { caseSubmittedOf, exampleCaseFacts, exampleMaterials } from '@work-permit/agency-review/testing';
import {
  applicantIdOf,
  CancellationGround,
  Channel,
  Decision,
  encodeEvent,
  type EventDefinition,
  Events,
  ItemStatus,
  JointReviewConclusion,
  LOCAL_DEVELOPMENT_APPLICANT_ID_KEY,
} from '@work-permit/contracts';
import { loadConfig, serviceConfigDefaults } from '@work-permit/platform';
import { createTestTopic, testDatabaseServerUrl, testKafka, testKafkaBrokers, uniqueName, withTestDatabaseClient } from '@work-permit/testing';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { differences, snapshotOfCases } from '../scripts/rebuild-comparison';
import { DataSharingConfig } from '../src/data-sharing.config';
import { DataSharingService } from '../src/data-sharing.service';
import { rebuildFromTopics } from '../src/replay/rebuild-from-topics';
import { randomSource } from './random-source';

const kafka = testKafka();
const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);
const ITEMS = [
  { code: 'WORK_PERMIT', action: 'issue' as const },
  { code: 'RESIDENCE_PERMIT', action: 'issue' as const },
  { code: 'SOCIAL_INSURANCE', action: 'apply' as const },
];
const ROLES = ['applicant', 'employer', 'clerk'] as const;

interface Sent {
  caseId: string;
  key: string;
  value: Buffer;
}

/**
 * A history drawn at random (fixed seed) with everything the record's and the statistics' folds tell
 * apart: people returning with two or three cases, filed by themselves or by an employer or a clerk
 * (values of both trusts), changed and unchanged values and materials; outcomes decided before their
 * case's submission arrives, decided again later and older decisions arriving after newer ones;
 * supplements, withdrawals, joint reviews, cancelled permits, declined reuse, equal timestamps.
 */
function randomHistory(seed: number, people: number): { sent: Sent[]; caseIds: string[] } {
  const random = randomSource(seed);
  const sent: Sent[] = [];
  const caseIds: string[] = [];
  for (let person = 0; person < people; person++) {
    const passportNo = `R${seed}${String(person).padStart(6, '0')}`;
    const applicantId = applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'DEU', passportNo);
    let firstCase: string | undefined;
    for (let filing = 0, filings = random.between(1, 3); filing < filings; filing++) {
      const caseId = randomUUID();
      caseIds.push(caseId);
      // Minutes since T0; a person's cases overlap, and several events share a minute.
      const start = random.between(0, 600);
      const at = (minute: number) => new Date(T0 + (start + minute) * 60_000);
      const add = <D extends EventDefinition>(definition: D, payload: MessageInitShape<D['schema']>, minute: number) => {
        const event = encodeEvent(definition, payload, { caseId, correlationId: caseId, causationId: caseId, occurredAt: at(minute) });
        sent.push({ caseId, key: event.key, value: event.value });
      };
      const role = random.pick(ROLES);
      const patch = {
        'applicant.passportNo': passportNo,
        'applicant.nationality': 'DEU',
        'applicant.email': random.chance(0.5) ? `p${person}@example.org` : `p${person}.${filing}@example.org`,
        'employment.position': random.pick(['engineer', 'chemist', 'teacher']),
      };
      const issuedAt = random.chance(0.7) ? '2026-10-01' : `2026-10-${String(random.between(2, 28)).padStart(2, '0')}`;
      const submission = caseSubmittedOf({ ...exampleCaseFacts({ caseId, items: ITEMS, patch, materials: exampleMaterials(ITEMS, issuedAt) }), applicantId });
      const filedBy = { ...submission, channel: role === 'clerk' ? Channel.OFFLINE : Channel.ONLINE, submittedBy: { subject: `${role}-${person}`, role } } as MessageInitShape<typeof Events.CaseSubmitted.schema>;
      add(Events.CaseSubmitted, filedBy, 0);
      if (firstCase && random.chance(0.6)) {
        const declined = (who: string) => ({
          caseId,
          applicantId: who,
          facts: ['applicant.phone', 'employment.position'].map((path) => ({ path, recordVersion: 1n, source: 'portal.case.submitted', sourceCaseId: firstCase!, updatedAt: timestampFromDate(at(-5)) })),
        });
        add(Events.PrefillDeclined, declined(random.chance(0.8) ? applicantId : applicantIdOf(LOCAL_DEVELOPMENT_APPLICANT_ID_KEY, 'FRA', passportNo)), random.pick([0, 1]));
      }
      firstCase ??= caseId;

      add(Events.ApprovalItemProgressed, { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', status: ItemStatus.IN_REVIEW }, random.between(1, 3));
      add(Events.ScitechItemDecided, { caseId, itemCode: 'TALENT_CATEGORY', action: 'apply', agency: 'scitech', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(2)), result: { category: 'B', points: 70 } }, 2);
      if (random.chance(0.15)) {
        add(Events.JointReviewOpened, { caseId, reason: 'listed', agencies: [] }, 3);
        add(Events.JointReviewConcluded, { caseId, conclusion: JointReviewConclusion.APPROVED, concludedAt: timestampFromDate(at(4)) }, 4);
      }
      if (random.chance(0.1)) {
        add(Events.CaseWithdrawn, { caseId, itemCodes: ITEMS.map((item) => item.code), reason: 'changed employer' }, random.between(3, 6));
        continue;
      }
      // A decision may be dated before the submission it belongs to (it then waits for its case's person).
      const decidedAt = random.chance(0.15) ? -2 : random.between(4, 8);
      const permitNo = `WP-${seed}-${person}-${filing}`;
      const granted = random.chance(0.8);
      const refusal = message('sharing.stats.officer_reason');
      const workPermit = (minute: number, validTo: string) =>
        granted
          ? { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(minute)), result: { permitNo, validFrom: '2026-12-01', validTo, category: 'B' } }
          : { caseId, itemCode: 'WORK_PERMIT', action: 'issue', agency: 'approval', decision: Decision.REJECTED, decidedAt: timestampFromDate(at(minute)), reason: onTheWire(refusal), reasonMessage: toWire(refusal) };
      add(Events.ApprovalItemDecided, workPermit(decidedAt, '2028-11-30'), decidedAt);
      // Decided again: later (it replaces the outcome) or earlier, arriving after (it does not).
      if (random.chance(0.2)) {
        const again = random.pick([decidedAt + 3, decidedAt - 1]);
        add(Events.ApprovalItemDecided, workPermit(again, '2029-05-31'), again);
      }
      if (random.chance(0.3)) {
        add(Events.PsbItemProgressed, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', status: ItemStatus.AWAITING_SUPPLEMENT, requestedMaterials: ['PHOTO'] }, 9);
        add(Events.CaseSupplemented, { caseId, itemCode: 'RESIDENCE_PERMIT', materials: [] }, 10);
      }
      if (!granted) {
        add(Events.PsbItemProgressed, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', status: ItemStatus.TERMINATED }, 11);
        continue;
      }
      add(Events.PsbItemDecided, { caseId, itemCode: 'RESIDENCE_PERMIT', action: 'issue', agency: 'psb', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(11)), result: { permitNo: `RP-${permitNo}`, validTo: '2028-11-30' } }, 11);
      if (random.chance(0.7)) {
        add(Events.HrssItemDecided, { caseId, itemCode: 'SOCIAL_INSURANCE', action: 'apply', agency: 'hrss', decision: Decision.GRANTED, decidedAt: timestampFromDate(at(11)), result: { socialSecurityNo: `SS-${permitNo}` } }, 11);
      }
      if (random.chance(0.25)) {
        const cancellation = { caseId, itemCode: 'WORK_PERMIT', permitNo, cancelledOn: '2026-12-20', reason: '合同已解除 / contract ended', ground: CancellationGround.CONTRACT_ENDED, contractEndedOn: '2026-12-15', applicantId };
        add(Events.PermitCancelled, cancellation, 12);
        if (random.chance(0.3)) add(Events.PermitCancelled, cancellation, 13);
      }
    }
  }
  return { sent, caseIds };
}

/**
 * A rebuild applies each batch through the folds' batch forms (`applyBatch`): the shared record read
 * before the batch and written after it, the statistics in rounds of one statement. A rebuild of one
 * event per transaction goes through `apply`, the live consumer's path. Over a random history both
 * must leave every table of the record and the statistics the same, row for row, and the record's
 * history in the same order, whatever the batch size.
 */
describe('data-sharing: the folds applied in batches leave what they leave one event at a time', () => {
  let topic: string;
  const databases: string[] = [];
  let history: { sent: Sent[]; caseIds: string[] };

  const configFor = (name: string) =>
    loadConfig(
      DataSharingConfig,
      { ...process.env, NODE_ENV: 'test', DATABASE_URL: testDatabaseServerUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), LOG_LEVEL: 'error' },
      { ...serviceConfigDefaults(DataSharingService), DATABASE_NAME: name },
    );

  const rebuilt = async (eventsPerTransaction: number) => {
    const name = uniqueName(`wp_test_sharing_forms_${eventsPerTransaction}`).toLowerCase();
    databases.push(name);
    const report = await rebuildFromTopics(configFor(name), { topics: [topic], eventsPerTransaction });
    expect(report).toMatchObject({ read: history.sent.length, applied: history.sent.length, skipped: 0 });
    return withTestDatabaseClient(name, async (client) => ({ snapshot: await snapshotOfCases(client, history.caseIds), order: await historyOrder(client) }));
  };

  beforeAll(async () => {
    topic = await createTestTopic(kafka, 'rebuild-batch-forms');
    history = randomHistory(20261207, 40);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: history.sent.map(({ key, value }) => ({ key, value })) });
    await producer.disconnect();
  });

  afterAll(async () => {
    await withTestDatabaseClient(undefined, async (client) => {
      for (const name of databases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  });

  it('gives the same record and statistics in batches of 2,000, 64 and 7 as one event per transaction', async () => {
    const reference = await rebuilt(1);
    // What the history holds, so the comparison is not of empty tables.
    const rows = (table: string) => reference.snapshot.tables[table].map((row) => JSON.parse(row) as Record<string, unknown>);
    expect(rows('record_applicant').some((row) => Number(row['version']) > 1)).toBe(true);
    expect(rows('record_field').some((row) => row['trust'] === 'unverified')).toBe(true);
    expect(rows('record_field').some((row) => String(row['path']).startsWith('holdings.'))).toBe(true);
    expect(rows('record_permit_cancellation').length).toBeGreaterThan(3);
    expect(rows('record_refusal').length).toBeGreaterThan(3);
    expect(new Set(rows('stats_case').map((row) => row['status']))).toEqual(new Set(['completed', 'in_progress', 'withdrawn']));
    expect(reference.order.length).toBeGreaterThan(500);

    for (const size of [2_000, 64, 7]) {
      const batched = await rebuilt(size);
      expect({ size, differences: differences(reference.snapshot, batched.snapshot) }).toEqual({ size, differences: [] });
      expect(batched.order).toEqual(reference.order);
    }
  }, 120_000);
});

/** The record's history entries in the order they were kept. */
async function historyOrder(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ entry: string }>(`SELECT case_id || ' ' || subject || ' ' || source_event_id AS entry FROM record_change ORDER BY id`);
  return rows.map((row) => row.entry);
}

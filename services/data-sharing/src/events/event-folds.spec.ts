import 'reflect-metadata';
import { create } from '@bufbuild/protobuf';
import { Events, type IncomingEvent } from '@work-permit/contracts';
import type { Transaction } from '@work-permit/messaging';
import { ApplicantIds, Clock } from '@work-permit/platform';
import { ApplicantRecordFold } from '../record/applicant-record.fold';
import { PrefillRefusalsFold } from '../record/refusals/prefill-refusals.fold';
import { ScreenApplicantUseCase } from '../screening/screen-applicant.usecase';
import { StatisticsFold } from '../stats/statistics.fold';
import type { EventFold } from './event-fold';
import { CONSUMED_EVENT_TYPES } from './sharing-events.consumer';

/** A transaction that fails the test if a fold so much as looks at it. */
const untouchable = new Proxy({} as Transaction, {
  get: (_, property) => {
    throw new Error(`the fold used the transaction (${String(property)})`);
  },
});

const folds: EventFold[] = [new ScreenApplicantUseCase(new Clock()), new ApplicantRecordFold({} as ApplicantIds), new PrefillRefusalsFold(), new StatisticsFold()];

describe('the folds of the shared record, the statistics and the screening', () => {
  it.each(folds.map((fold) => [fold.name, fold]))('%s leaves every event type it does not declare alone', async (_, fold) => {
    const others = Object.values(Events).filter((definition) => !fold.eventTypes.includes(definition.type));
    expect(others.length).toBeGreaterThan(0);
    for (const definition of others) {
      const event: IncomingEvent = {
        eventId: `e-${definition.type}`,
        type: definition.type,
        schemaVersion: definition.version,
        caseId: 'c1',
        producer: definition.producer,
        occurredAt: new Date('2026-03-02T08:00:00Z'),
        correlationId: 'c1',
        causationId: 'c1',
        payload: create(definition.schema, {}),
      };
      await expect(fold.apply(event, untouchable)).resolves.toBeUndefined();
    }
  });

  it("declare only event types of the catalogue, and the service handles exactly their union but for its own topic's", () => {
    const catalogue = new Set<string>(Object.values(Events).map((definition) => definition.type));
    for (const fold of folds) for (const type of fold.eventTypes) expect(catalogue).toContain(type);
    const union = [...new Set(folds.flatMap((fold) => fold.eventTypes))].filter((type) => !type.startsWith('sharing.'));
    expect(CONSUMED_EVENT_TYPES).toEqual(union.sort());
  });

  it('leave the formal documents and the contract-end reports to those who read them', () => {
    for (const type of [Events.ApprovalDocumentIssued, Events.HrssDocumentIssued, Events.CaseContractEnded].map((definition) => definition.type)) expect(CONSUMED_EVENT_TYPES).not.toContain(type);
  });
});

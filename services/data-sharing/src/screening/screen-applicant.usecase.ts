import { Injectable, Logger } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { type Catalogue, CatalogueError, caseItems, getCatalogue, type ItemAction, type Message, message, officerReason, onTheWire, toWire } from '@work-permit/catalogue';
import { type CaseSubmitted, Decision, DeciderKind, Events, type EventMetadata, type IncomingEvent, ItemStatus } from '@work-permit/contracts';
import { followingFrom, PermanentMessageError, type Transaction } from '@work-permit/messaging';
import { Clock } from '@work-permit/platform';
import type { EventFold } from '../events/event-fold';
import { AbnormalListEntry } from './abnormal-list-entry.entity';
import { isActive } from './abnormal-list.rules';
import { ApplicantScreening } from './applicant-screening.entity';
import { LateListingReferral } from './late-listing-referral.entity';
import { clearingDecidesTheStep } from './late-listing.rules';
import { normalisePassportNo, screenApplicant } from './screening.rules';

export const SCREENING_STEP = 'ABNORMAL_LIST_SCREENING';

// Screening a submission against the list and screening a new entry against the cases filed must
// not miss each other: submissions take this lock shared, a new entry exclusively, each until commit.
const SCREENING_LOCK = 'abnormal-list-screening';

export async function lockScreeningExclusively(tx: Transaction): Promise<void> {
  await tx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [SCREENING_LOCK]);
}

async function lockScreeningShared(tx: Transaction): Promise<void> {
  await tx.manager.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [SCREENING_LOCK]);
}

/** What the screening looks at: each submission. */
export const SCREENED_EVENT_TYPES: readonly string[] = [Events.CaseSubmitted.type];

/**
 * Screens the applicant of every case that needs the step against the abnormal-information list and
 * publishes the result: clear (the step is granted), listed (referred to a joint review), or a possible
 * match (kept in review until a Big Data Bureau officer decides it).
 */
@Injectable()
export class ScreenApplicantUseCase implements EventFold {
  readonly name = 'abnormal-list screening';
  readonly rebuildable = false;
  readonly eventTypes = SCREENED_EVENT_TYPES;
  private readonly logger = new Logger(ScreenApplicantUseCase.name);

  constructor(private readonly clock: Clock) {}

  async apply(event: IncomingEvent, tx: Transaction): Promise<void> {
    if (event.type === Events.CaseSubmitted.type) await this.screen(event as IncomingEvent<CaseSubmitted>, tx);
  }

  /** An officer's answer to a possible match: the step is cleared, or the case goes to a joint review. */
  async resolve(tx: Transaction, screening: ApplicantScreening, decision: 'clear' | 'listed', reason: string, officer: string): Promise<void> {
    await tx.manager.update(ApplicantScreening, { caseId: screening.caseId }, { outcome: decision, resolvedBy: officer, resolutionReason: reason });
    const metadata = { caseId: screening.caseId, correlationId: screening.caseId, causationId: screening.caseId };
    if (decision === 'listed') return this.publishListed(tx, screening.caseId, screening.itemAction, [officerReason(reason)], metadata);
    // A near match found after the step was granted (a late entry) leaves the step granted as it was.
    const late = await tx.manager.findBy(LateListingReferral, { caseId: screening.caseId });
    if (clearingDecidesTheStep(late.map((referral) => ({ match: referral.match, previous: referral.previousOutcome })))) {
      await this.publishClear(tx, screening.caseId, screening.itemAction, metadata, { kind: DeciderKind.OFFICER, subject: officer });
    }
  }

  /** Refers the case to the joint review the lead agency opens (the screening step in joint review), with the reason the agencies read. */
  async referToJointReview(tx: Transaction, caseId: string, action: string, reason: Message, metadata: EventMetadata): Promise<void> {
    await tx.publish(
      Events.SharingItemProgressed,
      {
        caseId,
        itemCode: SCREENING_STEP,
        action,
        agency: 'bigdata',
        status: ItemStatus.JOINT_REVIEW,
        reason: onTheWire(reason),
        reasonMessage: toWire(reason),
        at: timestampFromDate(this.clock.now()),
      },
      metadata,
    );
  }

  private async screen(event: IncomingEvent<CaseSubmitted>, tx: Transaction): Promise<void> {
    const { payload } = event;
    const catalogue = catalogueOf(payload.catalogueVersion);
    const step = caseItems(catalogue, payload.items.map((item) => ({ code: item.code, action: item.action as ItemAction }))).find((item) => item.code === SCREENING_STEP);
    if (!step) return;
    await lockScreeningShared(tx);
    const applicant = {
      passportNo: payload.applicant?.passportNo ?? '',
      nationality: payload.applicant?.nationality ?? '',
      surname: payload.applicant?.surname ?? '',
      givenNames: payload.applicant?.givenNames ?? '',
      birthDate: payload.applicant?.birthDate ?? '',
    };
    const candidates = await tx.manager
      .createQueryBuilder(AbnormalListEntry, 'entry')
      .where('(entry.passport_no = :passportNo AND entry.nationality = :nationality) OR entry.birth_date = :birthDate', {
        passportNo: normalisePassportNo(applicant.passportNo),
        nationality: applicant.nationality.toUpperCase(),
        birthDate: applicant.birthDate || null,
      })
      .getMany();
    // Lifted and expired entries no longer count against anyone.
    const today = this.clock.today();
    const screening = screenApplicant(applicant, candidates.filter((entry) => isActive(entry, today)), { maxNameDistance: catalogue.parameters.abnormalListScreening.nearMatchMaxNameEdits });
    const matched = screening.outcome === 'clear' ? [] : screening.matches.map((m) => m.id);
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(ApplicantScreening)
      .values({ caseId: payload.caseId, outcome: screening.outcome, matchedEntries: matched, itemAction: step.action })
      .orIgnore()
      .returning('case_id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return;
    const metadata = followingFrom(event);
    switch (screening.outcome) {
      case 'clear':
        return this.publishClear(tx, payload.caseId, step.action, metadata, { kind: DeciderKind.AUTOMATIC });
      case 'listed':
        this.logger.warn(`case listed on the abnormal-information list (${matched.length} entries): referred to joint review`);
        // The entries' reasons are the reporting officers' own words, shown as written.
        return this.publishListed(tx, payload.caseId, step.action, screening.matches.map((m) => officerReason(m.reason)), metadata);
      case 'possible': {
        this.logger.warn(`possible match with the abnormal-information list (${matched.length} entries): a person checks`);
        const possible = message('screening.possible_match');
        await tx.publish(
          Events.SharingItemProgressed,
          {
            caseId: payload.caseId,
            itemCode: SCREENING_STEP,
            action: step.action,
            agency: 'bigdata',
            status: ItemStatus.IN_REVIEW,
            reason: onTheWire(possible),
            reasonMessage: toWire(possible),
            at: timestampFromDate(this.clock.now()),
          },
          metadata,
        );
      }
    }
  }

  private async publishClear(tx: Transaction, caseId: string, action: string, metadata: EventMetadata, decidedBy: { kind: DeciderKind; subject?: string }): Promise<void> {
    await tx.publish(
      Events.SharingItemDecided,
      { caseId, itemCode: SCREENING_STEP, action, agency: 'bigdata', decision: Decision.GRANTED, decidedBy, decidedAt: timestampFromDate(this.clock.now()), result: { attributes: { screening: 'clear' } } },
      metadata,
    );
  }

  /** `reasons`: the matched entries' reasons, or the officer's who confirmed a possible match, as written. */
  private async publishListed(tx: Transaction, caseId: string, action: string, reasons: Message[], metadata: EventMetadata): Promise<void> {
    await this.referToJointReview(tx, caseId, action, message('screening.listed', { reasons }), metadata);
  }
}

function catalogueOf(version: string): Catalogue {
  try {
    return getCatalogue(version);
  } catch (error) {
    if (error instanceof CatalogueError) throw new PermanentMessageError('unknown_catalogue_version', error.message);
    throw error;
  }
}

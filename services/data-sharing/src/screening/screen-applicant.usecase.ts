import { Injectable, Logger } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { type Catalogue, CatalogueError, caseItems, getCatalogue, type ItemAction } from '@work-permit/catalogue';
import { type CaseSubmitted, Decision, DeciderKind, Events, type IncomingEvent, ItemStatus } from '@work-permit/contracts';
import type { EventFold } from '../events/event-fold';
import { followingFrom, PermanentMessageError, type Transaction } from '@work-permit/messaging';
import { Clock } from '@work-permit/platform';
import { AbnormalListEntry } from './abnormal-list-entry.entity';
import { ApplicantScreening } from './applicant-screening.entity';
import { normalisePassportNo, screenApplicant } from './screening.rules';

const STEP = 'ABNORMAL_LIST_SCREENING';

/**
 * Screens the applicant of every case that needs the step against the abnormal-information list and
 * publishes the result: clear (the step is granted), or listed (the case is referred to a joint review).
 */
@Injectable()
export class ScreenApplicantUseCase implements EventFold {
  readonly name = 'abnormal-list screening';
  readonly rebuildable = false;

  private readonly logger = new Logger(ScreenApplicantUseCase.name);

  constructor(private readonly clock: Clock) {}

  async apply(event: IncomingEvent, tx: Transaction): Promise<void> {
    if (event.type === Events.CaseSubmitted.type) await this.screen(event as IncomingEvent<CaseSubmitted>, tx);
  }

  private async screen(event: IncomingEvent<CaseSubmitted>, tx: Transaction): Promise<void> {
    const { payload } = event;
    const step = caseItems(catalogueOf(payload.catalogueVersion), payload.items.map((item) => ({ code: item.code, action: item.action as ItemAction }))).find((item) => item.code === STEP);
    if (!step) return;
    const applicant = { passportNo: payload.applicant?.passportNo ?? '', nationality: payload.applicant?.nationality ?? '' };
    const candidates = await tx.manager.findBy(AbnormalListEntry, { passportNo: normalisePassportNo(applicant.passportNo), nationality: applicant.nationality.toUpperCase() });
    const screening = screenApplicant(applicant, candidates);
    const matched = screening.outcome === 'listed' ? screening.matches.map((m) => m.id) : [];
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(ApplicantScreening)
      .values({ caseId: payload.caseId, outcome: screening.outcome, matchedEntries: matched })
      .orIgnore()
      .returning('case_id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return;
    const metadata = followingFrom(event);
    const common = { caseId: payload.caseId, itemCode: STEP, action: step.action, agency: 'bigdata' };
    if (screening.outcome === 'clear') {
      await tx.publish(
        Events.SharingItemDecided,
        { ...common, decision: Decision.GRANTED, decidedBy: { kind: DeciderKind.AUTOMATIC }, decidedAt: timestampFromDate(this.clock.now()), result: { attributes: { screening: 'clear' } } },
        metadata,
      );
      return;
    }
    this.logger.warn(`case listed on the abnormal-information list (${matched.length} entr${matched.length === 1 ? 'y' : 'ies'}): referred to joint review`);
    await tx.publish(
      Events.SharingItemProgressed,
      { ...common, status: ItemStatus.JOINT_REVIEW, reason: 'The applicant is on the abnormal-information list; the agencies review the case jointly', at: timestampFromDate(this.clock.now()) },
      metadata,
    );
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

import { Injectable, Logger } from '@nestjs/common';
import { getCatalogue } from '@work-permit/catalogue';
import type { Transaction } from '@work-permit/messaging';
import { ApplicantIds, Clock } from '@work-permit/platform';
import { AbnormalListEntry } from './abnormal-list-entry.entity';
import { isActive } from './abnormal-list.rules';
import { ApplicantScreening } from './applicant-screening.entity';
import { LateListingReferral } from './late-listing-referral.entity';
import { LateListingRepository } from './late-listing.repository';
import { type LateListingTarget, type LateMatch, lateListingTargets, lateReferralReason, screeningAfterLateMatch } from './late-listing.rules';
import { lockScreeningExclusively, ScreenApplicantUseCase } from './screen-applicant.usecase';
import { screenApplicant } from './screening.rules';

// The work permit is what a holder of a current permit holds; the catalogue's screening step guards it.
const SCREENED_PERMIT = 'WORK_PERMIT';

/** What screening one entry did: the cases referred to a joint review, and those put before an officer as possible matches. */
export interface LateScreeningResult {
  referred: number;
  possible: number;
}

/**
 * An entry added to the abnormal-information list is screened at once against the cases already
 * filed: every open case of a matching person, and every case that granted a work permit still valid.
 * An exact match (passport and nationality) is referred to the joint review as a match at submission
 * is; a near match (name and birth date) waits for a Big Data Bureau officer, who may refer it. Each
 * entry reaches each case once.
 */
@Injectable()
export class ScreenLateListingUseCase {
  private readonly logger = new Logger(ScreenLateListingUseCase.name);

  constructor(
    private readonly screening: ScreenApplicantUseCase,
    private readonly applicantIds: ApplicantIds,
    private readonly clock: Clock,
  ) {}

  /** Screens an entry (in the caller's transaction); an entry no longer active reaches nobody. */
  async screenEntry(tx: Transaction, entry: AbnormalListEntry): Promise<LateScreeningResult> {
    const today = this.clock.today();
    if (!isActive(entry, today)) return { referred: 0, possible: 0 };
    // A submission screened meanwhile either sees this entry or is already in the record and the statistics.
    await lockScreeningExclusively(tx);
    const repository = new LateListingRepository(tx.manager);
    const matches = await this.matchesOf(entry, repository);
    const applicants = [...matches.keys()];
    const targets = lateListingTargets(matches, await repository.openScreenedCases(applicants), await repository.workPermits(applicants, SCREENED_PERMIT), today);
    const result: LateScreeningResult = { referred: 0, possible: 0 };
    for (const target of targets) {
      if (!(await this.claim(tx, entry, target))) continue;
      await this.apply(tx, entry, target);
      result[target.match === 'listed' ? 'referred' : 'possible'] += 1;
    }
    if (targets.length > 0) this.logger.warn(`late abnormal-list entry: ${result.referred} case(s) referred to joint review, ${result.possible} possible match(es) for an officer`);
    return result;
  }

  /** The people the entry matches in the shared record: by passport and nationality exactly, by name and birth date nearly. */
  private async matchesOf(entry: AbnormalListEntry, repository: LateListingRepository): Promise<Map<string, LateMatch>> {
    const matches = new Map<string, LateMatch>();
    if (entry.birthDate && (entry.surname || entry.givenNames)) {
      const maxNameDistance = getCatalogue().parameters.abnormalListScreening.nearMatchMaxNameEdits;
      for (const identity of await repository.identitiesBornOn(entry.birthDate)) {
        const outcome = screenApplicant(identity, [entry], { maxNameDistance }).outcome;
        if (outcome !== 'clear') matches.set(identity.applicantId, outcome);
      }
    }
    matches.set(this.applicantIds.of(entry.nationality, entry.passportNo), 'listed');
    return matches;
  }

  /** Once per entry and case. */
  private async claim(tx: Transaction, entry: AbnormalListEntry, target: LateListingTarget): Promise<boolean> {
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(LateListingReferral)
      .values({ entryId: entry.id, caseId: target.caseId, kind: target.kind, match: target.match, previousOutcome: target.previous })
      .orIgnore()
      .returning('case_id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  private async apply(tx: Transaction, entry: AbnormalListEntry, target: LateListingTarget): Promise<void> {
    const outcome = screeningAfterLateMatch(target.previous, target.match);
    if (target.previous === 'none') {
      await tx.manager.insert(ApplicantScreening, { caseId: target.caseId, outcome, matchedEntries: [entry.id], itemAction: target.action });
    } else {
      await tx.manager.query(
        `UPDATE applicant_screening SET outcome = $2, matched_entries = matched_entries || to_jsonb($3::text), resolved_by = NULL, resolution_reason = NULL WHERE case_id = $1`,
        [target.caseId, outcome, entry.id],
      );
    }
    if (target.match !== 'listed') return;
    await this.screening.referToJointReview(tx, target.caseId, target.action, lateReferralReason(target.kind, entry.reason), {
      caseId: target.caseId,
      correlationId: target.caseId,
      causationId: entry.id,
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { message, type Message, officerReason, onTheWire } from '@work-permit/catalogue';
import { Events } from '@work-permit/contracts';
import { UnitOfWork } from '@work-permit/messaging';
import { In } from 'typeorm';
import { ApplicantIds, Clock } from '@work-permit/platform';
import { canWithdrawCase } from '../case-access';
import { callerOf } from '../case-parties';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { isFinal } from '../follow-agencies/agency-progress';

/** Withdraws every item not yet final, for the case's applicant or employer (by verified identity); the agencies stop them when they see CaseWithdrawn. */
@Injectable()
export class WithdrawCaseUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly applicantIds: ApplicantIds,
  ) {}

  async execute(principal: Principal, caseId: string, reason: string | undefined): Promise<{ caseId: string; status: 'withdrawn'; withdrawnItems: string[] }> {
    const caller = callerOf(principal, this.applicantIds);
    return this.unitOfWork.run(async (tx) => {
      const file = await tx.manager.findOne(CaseFile, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
      if (!file || !canWithdrawCase(caller, file)) throw new CaseException(CaseErrorCode.CaseNotFound, message('refusal.case_not_found', { caseId }));
      if (file.status !== 'in_progress') throw new CaseException(CaseErrorCode.CaseClosed, message('refusal.case_closed', { status: file.status }));
      const open = (await tx.manager.findBy(CaseItem, { caseId })).filter((i) => !isFinal(i.status)).map((i) => i.code);
      const stated = withdrawalReason(reason, principal.role);
      if (open.length > 0) await tx.manager.update(CaseItem, { caseId, code: In(open) }, { status: 'withdrawn', reason: reason || onTheWire(stated), reasonMessage: stated });
      await tx.manager.update(CaseFile, { caseId }, { status: 'withdrawn' });
      await tx.manager.insert(CaseTimelineEntry, { caseId, at: this.clock.now(), type: 'withdrawn', agency: null, item: null });
      await tx.publish(
        Events.CaseWithdrawn,
        // The person's own words as written (none when they gave none): the agencies say who withdrew from `withdrawnBy`.
        { caseId, itemCodes: open, reason: reason ?? '', withdrawnBy: { subject: principal.subject, role: principal.role } },
        { caseId, correlationId: caseId, causationId: caseId },
      );
      return { caseId, status: 'withdrawn' as const, withdrawnItems: open };
    });
  }
}

/** The reason the items show: the person's own words as written, else who withdrew them. */
export function withdrawalReason(reason: string | undefined, role: string): Message {
  return reason ? officerReason(reason) : message('review.withdrawn_by', { by: role === 'employer' ? 'employer' : 'applicant' });
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { CURRENT_CATALOGUE_VERSION, getCatalogue, message } from '@work-permit/catalogue';
import { Events } from '@work-permit/contracts';
import { UnitOfWork } from '@work-permit/messaging';
import { ApplicantIds, Clock } from '@work-permit/platform';
import { callerOf } from '../case-parties';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { ContractEndReport } from './contract-end-report.entity';
import { fieldProblem, INVALID_FIELDS } from '../../refusals';
import { canReportContractEnd, CONTRACT_BOUND_ITEM, contractEndRefusal, endedOnProblem, reportTiming } from './contract-end.rules';
import { ContractEndErrorCode, ContractEndException } from './contract-end.exception';

export interface ContractEndReported {
  caseId: string;
  item: string;
  permitNo: string;
  endedOn: string;
  reportedOn: string;
  daysAfterEnd: number;
  windowDays: number;
  late: boolean;
  /** `reported`: the permit's owner cancels it and the case shows it once done. */
  status: 'reported';
}

const CODE_OF_REFUSAL = {
  permit_not_granted: ContractEndErrorCode.PermitNotGranted,
  permit_already_cancelled: ContractEndErrorCode.PermitAlreadyCancelled,
  contract_end_already_reported: ContractEndErrorCode.AlreadyReported,
} as const;

/**
 * The employer reports that the contract behind the case's granted work permit ended (注销 of the
 * permit): recorded once per case and announced to the permit's owner, which cancels it. A report
 * later than the catalogue's window is taken and marked late.
 */
@Injectable()
export class ReportContractEndUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly applicantIds: ApplicantIds,
  ) {}

  async execute(principal: Principal, caseId: string, report: { endedOn: string; reason: string }): Promise<ContractEndReported> {
    const caller = callerOf(principal, this.applicantIds);
    const today = this.clock.today();
    return this.unitOfWork.run(async (tx) => {
      const file = await tx.manager.findOne(CaseFile, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
      if (!file || !canReportContractEnd(caller, file)) throw new ContractEndException(ContractEndErrorCode.CaseNotFound, message('refusal.no_case_to_report', { caseId }));
      const problem = endedOnProblem(report.endedOn, today);
      if (problem) throw new ContractEndException(ContractEndErrorCode.ValidationFailed, INVALID_FIELDS, [fieldProblem('endedOn', problem)]);
      const permit = await tx.manager.findOneBy(CaseItem, { caseId, code: CONTRACT_BOUND_ITEM });
      const earlier = await tx.manager.findOneBy(ContractEndReport, { caseId });
      const refusal = contractEndRefusal(permit ?? undefined, earlier?.reportedOn);
      if (refusal || !permit) throw new ContractEndException(CODE_OF_REFUSAL[refusal?.code ?? 'permit_not_granted'], refusal?.reason ?? message('refusal.permit_not_granted'));
      const windowDays = getCatalogue(CURRENT_CATALOGUE_VERSION).parameters.workPermit.cancellationWindowDays;
      const { daysAfterEnd, late } = reportTiming(report.endedOn, today, windowDays);
      const permitNo = typeof permit.result?.permitNo === 'string' ? permit.result.permitNo : '';
      await tx.manager.insert(ContractEndReport, {
        caseId,
        itemCode: CONTRACT_BOUND_ITEM,
        permitNo,
        endedOn: report.endedOn,
        reason: report.reason,
        reportedOn: today,
        daysAfterEnd,
        windowDays,
        late,
        reportedBySubject: principal.subject,
        reportedByRole: principal.role,
      });
      await tx.manager.insert(CaseTimelineEntry, { caseId, at: this.clock.now(), type: 'contract_end_reported', agency: permit.agency, item: CONTRACT_BOUND_ITEM });
      await tx.publish(
        Events.CaseContractEnded,
        {
          caseId,
          itemCode: CONTRACT_BOUND_ITEM,
          permitNo,
          endedOn: report.endedOn,
          reason: report.reason,
          reportedBy: { subject: principal.subject, role: principal.role },
          reportedOn: today,
          daysAfterEnd,
          windowDays,
          late,
          applicantId: file.applicantId,
        },
        { caseId, correlationId: caseId, causationId: caseId },
      );
      return { caseId, item: CONTRACT_BOUND_ITEM, permitNo, endedOn: report.endedOn, reportedOn: today, daysAfterEnd, windowDays, late, status: 'reported' as const };
    });
  }
}

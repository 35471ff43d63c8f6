import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { getCatalogue, type ItemAction, message, validateMaterials } from '@work-permit/catalogue';
import { Events } from '@work-permit/contracts';
import { UnitOfWork } from '@work-permit/messaging';
import { ApplicantIds, Clock } from '@work-permit/platform';
import { UploadedMaterials } from '../../materials/uploaded-materials.service';
import { canSupplementCase } from '../case-access';
import { callerOf } from '../case-parties';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { INVALID_FIELDS } from '../../refusals';
import type { SupplementCaseDto } from './supplement-case.dto';

interface Material {
  code: string;
  sha256: string;
  fileName: string;
  issuedAt: string;
}

/**
 * Answers a supplement request: the item goes back to review, its clock runs again (the agency moves
 * it). Only the case's applicant or employer (by verified identity) or a clerk, and only with
 * documents the caller uploaded.
 */
@Injectable()
export class SupplementCaseUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly uploadedMaterials: UploadedMaterials,
    private readonly applicantIds: ApplicantIds,
  ) {}

  async execute(principal: Principal, caseId: string, request: SupplementCaseDto): Promise<{ caseId: string; item: string; status: string }> {
    // Looked up before the case row is locked; reported with the catalogue's findings, in one 400.
    const referenceErrors = await this.uploadedMaterials.referenceErrors(request.materials, principal);
    const caller = callerOf(principal, this.applicantIds);
    return this.unitOfWork.run(async (tx) => {
      const file = await tx.manager.findOne(CaseFile, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
      if (!file || !canSupplementCase(caller, file)) throw new CaseException(CaseErrorCode.CaseNotFound, message('refusal.case_not_found', { caseId }));
      if (file.status !== 'in_progress') throw new CaseException(CaseErrorCode.CaseClosed, message('refusal.case_closed', { status: file.status }));
      const item = await tx.manager.findOneBy(CaseItem, { caseId, code: request.item });
      if (!item) throw new CaseException(CaseErrorCode.ItemNotInCase, message('refusal.item_not_in_case', { item: request.item }));
      if (item.status !== 'awaiting_supplement') {
        throw new CaseException(CaseErrorCode.NotAwaitingSupplement, message('refusal.not_awaiting_supplement', { item: item.code, status: item.status }));
      }
      const errors = [
        ...validateMaterials(getCatalogue(file.catalogueVersion), [{ code: item.code, action: item.action as ItemAction }], request.materials, { today: this.clock.today() }),
        ...referenceErrors,
      ];
      if (errors.length > 0) throw new CaseException(CaseErrorCode.ValidationFailed, INVALID_FIELDS, errors);
      const materials = (request.materials as Material[]).map(({ code, sha256, fileName, issuedAt }) => ({ code, sha256, fileName, issuedAt }));
      await tx.manager.update(CaseItem, { caseId, code: item.code }, { status: 'in_review', requestedMaterials: [] });
      await tx.manager.update(CaseFile, { caseId }, { body: { ...file.body, materials: [...asArray(file.body.materials), ...materials] } });
      await tx.manager.insert(CaseTimelineEntry, { caseId, at: this.clock.now(), type: 'supplemented', agency: item.agency, item: item.code });
      await tx.publish(
        Events.CaseSupplemented,
        { caseId, itemCode: item.code, materials, submittedBy: { subject: principal.subject, role: principal.role } },
        { caseId, correlationId: caseId, causationId: caseId },
      );
      return { caseId, item: item.code, status: 'in_review' };
    });
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

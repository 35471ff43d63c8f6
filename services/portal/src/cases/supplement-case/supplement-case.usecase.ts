import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { getCatalogue } from '@work-permit/catalogue';
import { Events } from '@work-permit/contracts';
import { UnitOfWork } from '@work-permit/messaging';
import { Clock } from '../../shared/clock';
import { canSupplementCase } from '../case-access';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { CaseErrorCode, CaseException } from '../cases.exception';
import type { SupplementCaseDto } from './supplement-case.dto';

/** Answers a supplement request: the item goes back to review, its clock runs again (the agency moves it). */
@Injectable()
export class SupplementCaseUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, caseId: string, request: SupplementCaseDto): Promise<{ caseId: string; item: string; status: string }> {
    return this.unitOfWork.run(async (tx) => {
      const file = await tx.manager.findOne(CaseFile, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
      if (!file || !canSupplementCase(principal, file)) throw new CaseException(CaseErrorCode.CaseNotFound, `no case ${caseId} for you`);
      if (file.status !== 'in_progress') throw new CaseException(CaseErrorCode.CaseClosed, `the case is ${file.status}`);
      const item = await tx.manager.findOneBy(CaseItem, { caseId, code: request.item });
      if (!item) throw new CaseException(CaseErrorCode.ItemNotInCase, `the case has no item ${request.item}`);
      if (item.status !== 'awaiting_supplement') {
        throw new CaseException(CaseErrorCode.NotAwaitingSupplement, `${request.item} is ${item.status}, not awaiting a supplement`);
      }
      const known = materialCodesOf(file.catalogueVersion, item.code, item.action);
      const unknown = request.materials.map((m, i) => ({ m, i })).filter(({ m }) => !known.has(m.code));
      if (unknown.length > 0) {
        throw new CaseException(
          CaseErrorCode.ValidationFailed,
          'the request has invalid fields',
          unknown.map(({ m, i }) => ({ field: `materials.${i}.code`, message: `${m.code} is not a material of ${item.code}` })),
        );
      }
      const materials = request.materials.map(({ code, sha256, fileName, issuedAt }) => ({ code, sha256, fileName, issuedAt }));
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

function materialCodesOf(version: string, code: string, action: string): Set<string> {
  const definition = getCatalogue(version).items.find((i) => i.code === code)?.actions.find((a) => a.action === action);
  return new Set(definition?.materials.map((m) => m.code) ?? []);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

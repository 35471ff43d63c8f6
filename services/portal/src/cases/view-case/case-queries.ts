import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { type Lang, message } from '@work-permit/catalogue';
import { ApplicantIds } from '@work-permit/platform';
import { DataSource, In } from 'typeorm';
import { knownCatalogue } from '../../catalogue/known-catalogue';
import { UploadedMaterials } from '../../materials/uploaded-materials.service';
import { canViewCase, seesWhoAccepted, visibleItems, visibleMaterials } from '../case-access';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { callerOf, ownCasesKey } from '../case-parties';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { caseMaterials, type CaseView, toCaseView } from './case-view';

export type CaseSummary = Omit<CaseView, 'timeline' | 'materials' | 'acceptedBy'>;

/** Reads cases as the caller may see them. */
@Injectable()
export class CaseQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uploadedMaterials: UploadedMaterials,
    private readonly applicantIds: ApplicantIds,
  ) {}

  async view(principal: Principal, caseId: string, lang: Lang): Promise<CaseView> {
    const file = await this.dataSource.getRepository(CaseFile).findOneBy({ caseId });
    const items = file ? await this.dataSource.getRepository(CaseItem).find({ where: { caseId }, order: { code: 'ASC' } }) : [];
    if (!file || !canViewCase(callerOf(principal, this.applicantIds), file, items.map((i) => i.agency))) {
      throw new CaseException(CaseErrorCode.CaseNotFound, message('refusal.case_not_found', { caseId }));
    }
    const shown = visibleItems(principal, items);
    const codes = new Set(shown.map((i) => i.code));
    const timeline = await this.dataSource.getRepository(CaseTimelineEntry).find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
    const materials = visibleMaterials(principal, knownCatalogue(file.catalogueVersion), caseMaterials(file));
    const uploads = await this.uploadedMaterials.factsOf(materials.map((m) => m.sha256));
    return toCaseView(file, shown, timeline.filter((t) => t.item === null || codes.has(t.item)), { lang, materials, uploads, showAcceptedBy: seesWhoAccepted(principal) });
  }

  /** The caller's own cases, newest first: an applicant's by verified identity, an employer's by credit code, whoever filed them. */
  async mine(principal: Principal, lang: Lang): Promise<CaseSummary[]> {
    const own = ownCasesKey(callerOf(principal, this.applicantIds));
    if (!own) return [];
    const files = await this.dataSource.getRepository(CaseFile).find({ where: own, order: { submittedAt: 'DESC' }, take: 200 });
    if (files.length === 0) return [];
    const items = await this.dataSource.getRepository(CaseItem).find({ where: { caseId: In(files.map((f) => f.caseId)) }, order: { code: 'ASC' } });
    return files.map((file) => {
      const { timeline: _timeline, materials: _materials, acceptedBy: _acceptedBy, ...summary } = toCaseView(
        file,
        items.filter((i) => i.caseId === file.caseId),
        [],
        { lang },
      );
      return summary;
    });
  }
}

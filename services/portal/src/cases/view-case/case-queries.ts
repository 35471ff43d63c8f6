import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { DataSource, In } from 'typeorm';
import { UploadedMaterials } from '../../materials/uploaded-materials.service';
import { canViewCase, visibleItems } from '../case-access';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { caseMaterials, type CaseView, toCaseView } from './case-view';

export type CaseSummary = Omit<CaseView, 'timeline' | 'materials'>;

/** Reads cases as the caller may see them. */
@Injectable()
export class CaseQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uploadedMaterials: UploadedMaterials,
  ) {}

  async view(principal: Principal, caseId: string): Promise<CaseView> {
    const file = await this.dataSource.getRepository(CaseFile).findOneBy({ caseId });
    const items = file ? await this.dataSource.getRepository(CaseItem).find({ where: { caseId }, order: { code: 'ASC' } }) : [];
    if (!file || !canViewCase(principal, file, items.map((i) => i.agency))) {
      throw new CaseException(CaseErrorCode.CaseNotFound, `no case ${caseId} for you`);
    }
    const shown = visibleItems(principal, items);
    const codes = new Set(shown.map((i) => i.code));
    const timeline = await this.dataSource.getRepository(CaseTimelineEntry).find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
    const uploads = await this.uploadedMaterials.factsOf(caseMaterials(file).map((m) => m.sha256));
    return toCaseView(file, shown, timeline.filter((t) => t.item === null || codes.has(t.item)), uploads);
  }

  /** The applicant's or employer's own cases, newest first. */
  async mine(principal: Principal): Promise<CaseSummary[]> {
    const owner = principal.role === 'applicant' ? { applicantSubject: principal.subject } : { employerSubject: principal.subject };
    const files = await this.dataSource.getRepository(CaseFile).find({ where: owner, order: { submittedAt: 'DESC' }, take: 200 });
    if (files.length === 0) return [];
    const items = await this.dataSource.getRepository(CaseItem).find({ where: { caseId: In(files.map((f) => f.caseId)) }, order: { code: 'ASC' } });
    return files.map((file) => {
      const { timeline: _timeline, materials: _materials, ...summary } = toCaseView(
        file,
        items.filter((i) => i.caseId === file.caseId),
        [],
      );
      return summary;
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { DataSource, In } from 'typeorm';
import { canViewCase, visibleItems } from '../case-access';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { type CaseView, toCaseView } from './case-view';

export type CaseSummary = Omit<CaseView, 'timeline'>;

/** Reads cases as the caller may see them. */
@Injectable()
export class CaseQueries {
  constructor(private readonly dataSource: DataSource) {}

  async view(principal: Principal, caseId: string): Promise<CaseView> {
    const file = await this.dataSource.getRepository(CaseFile).findOneBy({ caseId });
    const items = file ? await this.dataSource.getRepository(CaseItem).find({ where: { caseId }, order: { code: 'ASC' } }) : [];
    if (!file || !canViewCase(principal, file, items.map((i) => i.agency))) {
      throw new CaseException(CaseErrorCode.CaseNotFound, `no case ${caseId} for you`);
    }
    const shown = visibleItems(principal, items);
    const codes = new Set(shown.map((i) => i.code));
    const timeline = await this.dataSource.getRepository(CaseTimelineEntry).find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
    return toCaseView(file, shown, timeline.filter((t) => t.item === null || codes.has(t.item)));
  }

  /** The applicant's or employer's own cases, newest first. */
  async mine(principal: Principal): Promise<CaseSummary[]> {
    const owner = principal.role === 'applicant' ? { applicantSubject: principal.subject } : { employerSubject: principal.subject };
    const files = await this.dataSource.getRepository(CaseFile).find({ where: owner, order: { submittedAt: 'DESC' }, take: 200 });
    if (files.length === 0) return [];
    const items = await this.dataSource.getRepository(CaseItem).find({ where: { caseId: In(files.map((f) => f.caseId)) }, order: { code: 'ASC' } });
    return files.map((file) => {
      const { timeline: _timeline, ...summary } = toCaseView(
        file,
        items.filter((i) => i.caseId === file.caseId),
        [],
      );
      return summary;
    });
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { DataSource, In } from 'typeorm';
import { canViewCase, visibleItems } from '../case-access';
import { CaseFile } from '../case-file.entity';
import { CaseItem } from '../case-item.entity';
import { CaseTimelineEntry } from '../case-timeline-entry.entity';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { type CaseView, toCaseView } from './case-view';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class ViewCaseController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':caseId')
  @Roles('applicant', 'employer', 'clerk', 'officer', 'admin')
  @ApiOperation({ summary: 'One case: each item with its status, due date, result, and the timeline.' })
  async view(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<CaseView> {
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

  @Get()
  @Roles('applicant', 'employer')
  @ApiOperation({ summary: "The caller's own cases (`mine=true`), newest first." })
  @ApiQuery({ name: 'mine', required: true, enum: ['true'] })
  async mine(@CurrentPrincipal() principal: Principal, @Query('mine') mine: string | undefined): Promise<{ cases: Omit<CaseView, 'timeline'>[] }> {
    if (mine !== 'true') {
      throw new CaseException(CaseErrorCode.ValidationFailed, 'the request has invalid fields', [{ field: 'mine', message: 'mine must be true' }]);
    }
    const owner = principal.role === 'applicant' ? { applicantSubject: principal.subject } : { employerSubject: principal.subject };
    const files = await this.dataSource.getRepository(CaseFile).find({ where: owner, order: { submittedAt: 'DESC' }, take: 200 });
    const items = files.length ? await this.dataSource.getRepository(CaseItem).find({ where: { caseId: In(files.map((f) => f.caseId)) }, order: { code: 'ASC' } }) : [];
    return {
      cases: files.map((file) => {
        const { timeline: _timeline, ...view } = toCaseView(file, items.filter((i) => i.caseId === file.caseId), []);
        return view;
      }),
    };
  }
}

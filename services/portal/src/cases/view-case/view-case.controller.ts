import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { CaseQueries, type CaseSummary } from './case-queries';
import type { CaseView } from './case-view';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class ViewCaseController {
  constructor(private readonly cases: CaseQueries) {}

  @Get(':caseId')
  @Roles('applicant', 'employer', 'clerk', 'officer', 'admin')
  @ApiOperation({ summary: 'One case: each item with its status, due date, result, and the timeline.' })
  view(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<CaseView> {
    return this.cases.view(principal, caseId);
  }

  @Get()
  @Roles('applicant', 'employer')
  @ApiOperation({ summary: "The caller's own cases (`mine=true`), newest first." })
  @ApiQuery({ name: 'mine', required: true, enum: ['true'] })
  async mine(@CurrentPrincipal() principal: Principal, @Query('mine') mine: string | undefined): Promise<{ cases: CaseSummary[] }> {
    if (mine !== 'true') {
      throw new CaseException(CaseErrorCode.ValidationFailed, 'the request has invalid fields', [{ field: 'mine', message: 'mine must be true' }]);
    }
    return { cases: await this.cases.mine(principal) };
  }
}

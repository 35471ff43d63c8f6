import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { Language, type RequestLanguage } from '@work-permit/platform';
import { fieldProblem, INVALID_FIELDS } from '../../refusals';
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
  @ApiOperation({ summary: 'One case: each item with its status, due date, reason (in the language asked for: `?lang=` or Accept-Language, Chinese by default; `reasons` in both), result, and the timeline.' })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  view(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Language() lang: RequestLanguage): Promise<CaseView> {
    return this.cases.view(principal, caseId, lang);
  }

  @Get()
  @Roles('applicant', 'employer')
  @ApiOperation({ summary: "The caller's own cases (`mine=true`), newest first." })
  @ApiQuery({ name: 'mine', required: true, enum: ['true'] })
  async mine(@CurrentPrincipal() principal: Principal, @Query('mine') mine: string | undefined, @Language() lang: RequestLanguage): Promise<{ cases: CaseSummary[] }> {
    if (mine !== 'true') throw new CaseException(CaseErrorCode.ValidationFailed, INVALID_FIELDS, [fieldProblem('mine', message('portal.field.mine_true'))]);
    return { cases: await this.cases.mine(principal, lang) };
  }
}

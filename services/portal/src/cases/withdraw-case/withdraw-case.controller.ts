import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { WithdrawCaseDto } from './withdraw-case.dto';
import { WithdrawCaseUseCase } from './withdraw-case.usecase';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class WithdrawCaseController {
  constructor(private readonly withdrawCase: WithdrawCaseUseCase) {}

  @Post(':caseId/withdraw')
  @HttpCode(200)
  @Roles('applicant', 'employer')
  @ApiOperation({ summary: 'Withdraw the case: every item not yet final stops.' })
  withdraw(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() body: WithdrawCaseDto) {
    return this.withdrawCase.execute(principal, caseId, body.reason);
  }
}

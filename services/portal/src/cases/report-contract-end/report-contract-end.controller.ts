import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { ReportContractEndDto } from './report-contract-end.dto';
import { type ContractEndReported, ReportContractEndUseCase } from './report-contract-end.usecase';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class ReportContractEndController {
  constructor(private readonly reportContractEnd: ReportContractEndUseCase) {}

  @Post(':caseId/contract-end')
  @HttpCode(202)
  @Roles('employer', 'clerk')
  @ApiOperation({
    summary:
      "The case's employer (or a window clerk taking its report) reports that the employment contract ended: the work permit is cancelled (注销) by its owner and the agencies whose items depend on it are told. Within 10 days of the end (the catalogue's window); a later report is taken and marked late. 409 unless the case's work permit is granted and not cancelled or reported yet.",
  })
  report(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() body: ReportContractEndDto): Promise<ContractEndReported> {
    return this.reportContractEnd.execute(principal, caseId, body);
  }
}

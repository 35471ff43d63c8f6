import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { SupplementCaseDto } from './supplement-case.dto';
import { SupplementCaseUseCase } from './supplement-case.usecase';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class SupplementCaseController {
  constructor(private readonly supplementCase: SupplementCaseUseCase) {}

  @Post(':caseId/supplements')
  @HttpCode(200)
  @Roles('applicant', 'employer', 'clerk')
  @ApiOperation({ summary: 'Answer a supplement request (补正) for one item with the materials asked for.' })
  supplement(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() body: SupplementCaseDto) {
    return this.supplementCase.execute(principal, caseId, body);
  }
}

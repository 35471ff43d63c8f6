import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import type { Response } from 'express';
import { fieldProblem, INVALID_FIELDS } from '../../refusals';
import { CaseErrorCode, CaseException } from '../cases.exception';
import { SubmitCaseUseCase } from './submit-case.usecase';

const IDEMPOTENCY_KEY = /^[\w.:-]{1,128}$/;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class SubmitCaseController {
  constructor(private readonly submitCase: SubmitCaseUseCase) {}

  @Post()
  @HttpCode(201)
  @Roles('applicant', 'employer', 'clerk')
  @ApiOperation({ summary: 'Submit one case: one form for the chosen items. A clerk submission is the offline window channel.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key and body again return the same case.' })
  @ApiBody({ description: '{ items, applicant, employer, employment, materials, … } — fields as POST /api/forms returns them' })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ caseId: string; status: string }> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new CaseException(CaseErrorCode.ValidationFailed, INVALID_FIELDS, [fieldProblem('Idempotency-Key', message('portal.field.idempotency_key'))]);
    }
    const result = await this.submitCase.execute({ principal, idempotencyKey, body });
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return { caseId: result.caseId, status: result.status };
  }
}

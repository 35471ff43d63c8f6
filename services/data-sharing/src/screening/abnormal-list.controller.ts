import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { UnitOfWork } from '@work-permit/messaging';
import { apiError } from '@work-permit/platform';
import { AbnormalListEntry } from './abnormal-list-entry.entity';
import { AbnormalListEntryDto, ScreeningDecisionDto } from './abnormal-list.dto';
import { ApplicantScreening } from './applicant-screening.entity';
import { normalisePassportNo } from './screening.rules';
import { ScreenApplicantUseCase } from './screen-applicant.usecase';

/** API.md's abnormal-information list, and the possible matches a Big Data Bureau officer checks. */
@ApiTags('abnormal list')
@ApiBearerAuth()
@Controller('api')
export class AbnormalListController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly screening: ScreenApplicantUseCase,
  ) {}

  @Post('abnormal-list')
  @Roles('officer')
  @ApiOperation({ summary: 'Report an entry; every later submission is screened against it.' })
  async report(@CurrentPrincipal() principal: Principal, @Body() body: AbnormalListEntryDto): Promise<AbnormalListEntry> {
    return this.unitOfWork.run((tx) =>
      tx.manager.save(
        tx.manager.create(AbnormalListEntry, {
          passportNo: normalisePassportNo(body.passportNo),
          nationality: body.nationality,
          reason: body.reason,
          source: body.source ?? principal.agency ?? 'unknown',
          surname: body.surname ?? null,
          givenNames: body.givenNames ?? null,
          birthDate: body.birthDate ?? null,
        }),
      ),
    );
  }

  @Get('abnormal-list')
  @Roles('officer')
  @ApiOperation({ summary: 'Every entry, newest first.' })
  async list(): Promise<{ entries: AbnormalListEntry[] }> {
    return { entries: await this.unitOfWork.run((tx) => tx.manager.find(AbnormalListEntry, { order: { reportedAt: 'DESC' }, take: 1000 })) };
  }

  @Get('screenings/possible')
  @Roles('officer')
  @ApiOperation({ summary: 'Possible matches waiting for a Big Data Bureau officer.' })
  async possible(@CurrentPrincipal() principal: Principal): Promise<{ screenings: ApplicantScreening[] }> {
    assertBigData(principal);
    return { screenings: await this.unitOfWork.run((tx) => tx.manager.find(ApplicantScreening, { where: { outcome: 'possible' }, order: { screenedAt: 'ASC' } })) };
  }

  @Post('screenings/:caseId/decision')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Clear a possible match, or confirm it (the case goes to a joint review).' })
  async decide(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() body: ScreeningDecisionDto): Promise<ApplicantScreening> {
    assertBigData(principal);
    return this.unitOfWork.run(async (tx) => {
      const screening = await tx.manager.findOne(ApplicantScreening, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
      if (!screening) throw new HttpException(apiError('screening_not_found', `case ${caseId} has not been screened`), HttpStatus.NOT_FOUND);
      if (screening.outcome !== 'possible') throw new HttpException(apiError('not_a_possible_match', `the screening of case ${caseId} is ${screening.outcome}, not a possible match`), HttpStatus.CONFLICT);
      await this.screening.resolve(tx, screening, body.decision, body.reason, principal.subject);
      return { ...screening, outcome: body.decision, resolvedBy: principal.subject, resolutionReason: body.reason };
    });
  }
}

function assertBigData(principal: Principal): void {
  if (principal.agency !== 'bigdata') throw new HttpException(apiError('forbidden', 'only Big Data Bureau officers decide possible matches'), HttpStatus.FORBIDDEN);
}

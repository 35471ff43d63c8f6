import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { UnitOfWork } from '@work-permit/messaging';
import { Clock } from '@work-permit/platform';
import { fieldProblem, identityMismatch } from '../http/refusal';
import { AbnormalListEntry } from './abnormal-list-entry.entity';
import { entryViewOf, type AbnormalListEntryView } from './abnormal-list-entry.view';
import { AbnormalListEntryDto, AbnormalListQueryDto, LiftEntryDto, ScreeningDecisionDto } from './abnormal-list.dto';
import { AbnormalListRepository } from './abnormal-list.repository';
import { entryStatus, expiryProblem } from './abnormal-list.rules';
import { ApplicantScreening } from './applicant-screening.entity';
import { ScreeningErrorCode, ScreeningException } from './screening.exception';
import { normalisePassportNo } from './screening.rules';
import { ScreenApplicantUseCase } from './screen-applicant.usecase';
import { type LateScreeningResult, ScreenLateListingUseCase } from './screen-late-listing.usecase';

/** API.md's abnormal-information list, and the possible matches a Big Data Bureau officer checks. */
@ApiTags('abnormal list')
@ApiBearerAuth()
@Controller('api')
export class AbnormalListController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly screening: ScreenApplicantUseCase,
    private readonly lateListing: ScreenLateListingUseCase,
    private readonly entries: AbnormalListRepository,
    private readonly clock: Clock,
  ) {}

  @Post('abnormal-list')
  @Roles('officer')
  @ApiOperation({
    summary:
      'Report an entry for your own agency: every later submission is screened against it while it is active, and it is screened at once against the open cases and the current work permit holders (`screening`: cases referred to a joint review, possible matches for a Big Data Bureau officer).',
  })
  async report(@CurrentPrincipal() principal: Principal, @Body() body: AbnormalListEntryDto): Promise<AbnormalListEntryView & { screening: LateScreeningResult }> {
    if (body.source !== undefined && body.source !== principal.agency) {
      throw identityMismatch(message('refusal.own_agency_only'), [fieldProblem('source', message('sharing.field.not_own_agency'))]);
    }
    const today = this.clock.today();
    const expiry = expiryProblem(body.expiresOn, today);
    if (expiry) throw new ScreeningException(ScreeningErrorCode.ValidationFailed, message('error.validation_failed'), [fieldProblem('expiresOn', expiry)]);
    const { entry, screening } = await this.unitOfWork.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(AbnormalListEntry, {
          passportNo: normalisePassportNo(body.passportNo),
          nationality: body.nationality,
          reason: body.reason,
          source: principal.agency,
          reportedBy: principal.subject,
          surname: body.surname ?? null,
          givenNames: body.givenNames ?? null,
          birthDate: body.birthDate ?? null,
          expiresOn: body.expiresOn ?? null,
          liftedAt: null,
          liftedBy: null,
          liftReason: null,
        }),
      );
      // In the same transaction: the entry and the referrals it causes commit together, or neither.
      return { entry: saved, screening: await this.lateListing.screenEntry(tx, saved) };
    });
    return { ...entryViewOf(entry, today), screening };
  }

  @Post('abnormal-list/:id/screen')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    summary:
      'Screen an active entry again against the open cases and the current work permit holders (as at its report): a case it reached before is not referred twice. For the Big Data Bureau and the reporting agency; 409 for a lifted or expired entry.',
  })
  async screen(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<{ entryId: string; screening: LateScreeningResult }> {
    const screening = await this.unitOfWork.run(async (tx) => {
      const entry = await this.entries.findVisibleForUpdate(tx.manager, id, principal.agency);
      if (!entry) throw new ScreeningException(ScreeningErrorCode.EntryNotFound, message('refusal.entry_not_found', { id }));
      const status = entryStatus(entry, this.clock.today());
      if (status !== 'active') throw new ScreeningException(ScreeningErrorCode.EntryNotActive, message('refusal.entry_not_active', { id, status }));
      return this.lateListing.screenEntry(tx, entry);
    });
    return { entryId: id, screening };
  }

  @Get('abnormal-list')
  @Roles('officer')
  @ApiOperation({ summary: "The entries you may see, newest first, each with its status: every entry for the Big Data Bureau, your own agency's reports for the others." })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AbnormalListQueryDto): Promise<{ entries: AbnormalListEntryView[] }> {
    const today = this.clock.today();
    const entries = await this.entries.visibleTo(principal.agency, query.status, today);
    return { entries: entries.map((entry) => entryViewOf(entry, today)) };
  }

  @Post('abnormal-list/:id/lift')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Lift an entry, with the reason: it no longer matches in screening. For the Big Data Bureau and the reporting agency.' })
  async lift(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: LiftEntryDto): Promise<AbnormalListEntryView> {
    const lifted = await this.unitOfWork.run(async (tx) => {
      const entry = await this.entries.findVisibleForUpdate(tx.manager, id, principal.agency);
      if (!entry) throw new ScreeningException(ScreeningErrorCode.EntryNotFound, message('refusal.entry_not_found', { id }));
      if (entry.liftedAt) throw new ScreeningException(ScreeningErrorCode.AlreadyLifted, message('refusal.entry_already_lifted', { id }));
      const change = { liftedAt: this.clock.now(), liftedBy: principal.subject, liftReason: body.reason };
      await tx.manager.update(AbnormalListEntry, { id }, change);
      return Object.assign(entry, change);
    });
    return entryViewOf(lifted, this.clock.today());
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
      if (!screening) throw new ScreeningException(ScreeningErrorCode.ScreeningNotFound, message('refusal.not_screened', { caseId }));
      if (screening.outcome !== 'possible') throw new ScreeningException(ScreeningErrorCode.NotAPossibleMatch, message('refusal.not_a_possible_match', { caseId, outcome: screening.outcome }));
      await this.screening.resolve(tx, screening, body.decision, body.reason, principal.subject);
      return { ...screening, outcome: body.decision, resolvedBy: principal.subject, resolutionReason: body.reason };
    });
  }
}

function assertBigData(principal: Principal): void {
  if (principal.agency !== 'bigdata') throw new ScreeningException(ScreeningErrorCode.NotBigData, message('refusal.bigdata_only'));
}

import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { getCatalogue, type Localized, message } from '@work-permit/catalogue';
import { ApplicantIds, Language, type RequestLanguage } from '@work-permit/platform';
import { IsString, Matches } from 'class-validator';
import { LanguageQuery } from '../http/language-query';
import { fieldProblem, identityMismatch } from '../http/refusal';
import { accessLogViewOf, type AccessLogView } from './audit/access-log-view';
import { decodePurposeHeader } from './purpose-header';
import { readerScopeOf } from './reader-scope';
import { refusalsView } from './refusals/refusals';
import { RecordErrorCode, RecordException } from './record.exception';
import { RecordReader } from './record-reader';
import type { ReleasedRecord } from './record-view';

const APPLICANT_ID = /^ap_[0-9a-f]{32}$/;
const PURPOSE_MAX = 500;

class RecordSearchQuery extends LanguageQuery {
  @IsString()
  @Matches(/^[A-Za-z0-9 ]{5,24}$/, { message: 'must be a passport number' })
  passportNo!: string;

  @IsString()
  @Matches(/^[A-Za-z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code' })
  nationality!: string;
}

/** API.md's shared record: released field by field by the catalogue's scope for the reader, every read audited. */
@ApiTags('records')
@ApiBearerAuth()
@Controller('api/records')
export class RecordsController {
  private readonly agencyNames: ReadonlyMap<string, Localized> = new Map(getCatalogue().agencies.map((agency) => [agency.code, agency.name]));

  constructor(
    private readonly reader: RecordReader,
    private readonly applicantIds: ApplicantIds,
  ) {}

  @Get()
  @Roles('officer', 'analyst')
  @ApiHeader({ name: 'X-Purpose', required: true, description: 'Why the record is read; written to the access log.' })
  @ApiOperation({ summary: 'The record of the person with this passport, released for your agency; the read is audited.' })
  search(
    @CurrentPrincipal() principal: Principal,
    @Headers('x-purpose') purpose: string | undefined,
    @Query() query: RecordSearchQuery,
    @Language() lang: RequestLanguage,
  ): Promise<ReleasedRecord> {
    const stated = requirePurpose(purpose);
    return this.read(this.applicantIds.of(query.nationality, query.passportNo), principal, stated, lang);
  }

  // Before ':applicantId/access-log', which would take `mine` for an id.
  @Get('mine/access-log')
  @Roles('applicant')
  @ApiOperation({ summary: 'Every read of your own record (the identity your token verifies): when, which agency, which fields, why — each in a plain sentence — and the facts you declined to reuse.' })
  async myAccessLog(@CurrentPrincipal() principal: Principal, @Query() _query: LanguageQuery, @Language() lang: RequestLanguage): Promise<AccessLogView> {
    return this.accessLogView(this.ownApplicantId(principal), principal, lang);
  }

  @Get(':applicantId')
  @Roles('officer', 'analyst')
  @ApiHeader({ name: 'X-Purpose', required: true, description: 'Why the record is read; written to the access log.' })
  @ApiOperation({ summary: 'The record of one person, released for your agency; the read is audited.' })
  one(
    @CurrentPrincipal() principal: Principal,
    @Headers('x-purpose') purpose: string | undefined,
    @Param('applicantId') applicantId: string,
    @Language() lang: RequestLanguage,
  ): Promise<ReleasedRecord> {
    const stated = requirePurpose(purpose);
    return this.read(applicantId, principal, stated, lang);
  }

  @Get(':applicantId/access-log')
  @Roles('applicant', 'admin')
  @ApiOperation({ summary: "Every read of a person's record: when, which agency, which fields, why, each in a plain sentence; and the facts they declined to reuse. For that applicant (by the token's identity) and admins." })
  async accessLog(@CurrentPrincipal() principal: Principal, @Param('applicantId') applicantId: string, @Query() _query: LanguageQuery, @Language() lang: RequestLanguage): Promise<AccessLogView> {
    if (principal.role === 'applicant' && applicantId !== this.ownApplicantId(principal)) {
      throw identityMismatch(message('refusal.own_access_log_only'), [fieldProblem('applicantId', message('sharing.field.not_own_identity'))]);
    }
    return this.accessLogView(applicantId, principal, lang);
  }

  private async accessLogView(applicantId: string, principal: Principal, lang: RequestLanguage): Promise<AccessLogView> {
    const known = APPLICANT_ID.test(applicantId);
    const rows = known ? await this.reader.accessLogOf(applicantId) : [];
    const refusals = known ? refusalsView(await this.reader.refusalsOf(applicantId)) : [];
    // Officers' identities are for oversight, not for the person read about.
    return accessLogViewOf(applicantId, rows, this.agencyNames, { withSubjects: principal.role === 'admin', lang, refusals });
  }

  /** The record id of the identity an applicant's token verifies; never of anyone a form names. */
  private ownApplicantId(principal: Principal): string {
    if (!principal.identity) {
      throw identityMismatch(message('refusal.no_verified_identity'), [fieldProblem('passportNo', message('sharing.field.missing_from_token'))]);
    }
    return this.applicantIds.of(principal.identity.nationality, principal.identity.passportNo);
  }

  private async read(applicantId: string, principal: Principal, purpose: string, lang: RequestLanguage): Promise<ReleasedRecord> {
    const reading = readerScopeOf(principal);
    if (!reading) throw new RecordException(RecordErrorCode.NoScope, message('refusal.record_readers_only'));
    const record = APPLICANT_ID.test(applicantId)
      ? await this.reader.read(applicantId, { agency: reading.loggedAgency, subject: principal.subject, purpose, releases: (key) => reading.scope.releases(key) }, lang)
      : undefined;
    if (!record) throw new RecordException(RecordErrorCode.RecordNotFound, message('refusal.record_not_found'));
    return record;
  }
}

function requirePurpose(purpose: string | undefined): string {
  const stated = decodePurposeHeader(purpose);
  if (stated === '') {
    throw new RecordException(RecordErrorCode.PurposeRequired, message('refusal.purpose_required'), [fieldProblem('X-Purpose', message('sharing.field.purpose_missing'))]);
  }
  if (stated.length > PURPOSE_MAX) {
    throw new RecordException(RecordErrorCode.PurposeRequired, message('refusal.purpose_required', { maxLength: PURPOSE_MAX }), [
      fieldProblem('X-Purpose', message('sharing.field.purpose_too_long', { maxLength: PURPOSE_MAX })),
    ]);
  }
  return stated;
}

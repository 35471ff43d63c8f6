import { Controller, Get, Headers, HttpException, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Agency, CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { applicantIdOf } from '@work-permit/contracts';
import { apiError } from '@work-permit/platform';
import { IsString, Matches } from 'class-validator';
import { normalisePassportNo } from '../screening/screening.rules';
import { RecordReader } from './record-reader';
import { RecordScopes } from './record-scopes';
import type { ReleasedRecord } from './record-view';
import { decodePurposeHeader } from './purpose-header';

const APPLICANT_ID = /^ap_[0-9a-f]{32}$/;
const PURPOSE_MAX = 500;

class RecordSearchQuery {
  @IsString()
  @Matches(/^[A-Za-z0-9 ]{5,24}$/, { message: 'must be a passport number' })
  passportNo!: string;

  @IsString()
  @Matches(/^[A-Za-z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code' })
  nationality!: string;
}

export interface AccessLogView {
  applicantId: string;
  reads: { at: string; agency: string; fields: string[]; purpose: string; subject?: string }[];
}

/** API.md's shared record: released field by field for the reader's agency, every read audited. */
@ApiTags('records')
@ApiBearerAuth()
@Controller('api/records')
export class RecordsController {
  constructor(
    private readonly reader: RecordReader,
    private readonly scopes: RecordScopes,
  ) {}

  @Get()
  @Roles('officer', 'analyst')
  @ApiHeader({ name: 'X-Purpose', required: true, description: 'Why the record is read; written to the access log.' })
  @ApiOperation({ summary: 'The record of the person with this passport, released for your agency; the read is audited.' })
  search(@CurrentPrincipal() principal: Principal, @Headers('x-purpose') purpose: string | undefined, @Query() query: RecordSearchQuery): Promise<ReleasedRecord> {
    const stated = requirePurpose(purpose);
    return this.read(applicantIdOf(query.nationality, normalisePassportNo(query.passportNo)), principal, stated);
  }

  @Get(':applicantId')
  @Roles('officer', 'analyst')
  @ApiHeader({ name: 'X-Purpose', required: true, description: 'Why the record is read; written to the access log.' })
  @ApiOperation({ summary: 'The record of one person, released for your agency; the read is audited.' })
  one(@CurrentPrincipal() principal: Principal, @Headers('x-purpose') purpose: string | undefined, @Param('applicantId') applicantId: string): Promise<ReleasedRecord> {
    const stated = requirePurpose(purpose);
    return this.read(applicantId, principal, stated);
  }

  @Get(':applicantId/access-log')
  @Roles('applicant', 'admin')
  @ApiOperation({ summary: "Every read of a person's record: when, which agency, which fields, why. For that applicant and admins." })
  async accessLog(@CurrentPrincipal() principal: Principal, @Param('applicantId') applicantId: string): Promise<AccessLogView> {
    if (principal.role === 'applicant' && !(APPLICANT_ID.test(applicantId) && (await this.reader.isApplicantOf(applicantId, principal.subject)))) {
      throw new HttpException(apiError('forbidden', 'only the applicant the record is about sees who read it'), HttpStatus.FORBIDDEN);
    }
    const rows = await this.reader.accessLogOf(applicantId);
    return {
      applicantId,
      reads: rows.map((row) => ({
        at: row.at.toISOString(),
        agency: row.agency,
        fields: row.fields,
        purpose: row.purpose,
        // Officers' identities are for oversight, not for the person read about.
        ...(principal.role === 'admin' ? { subject: row.subject } : {}),
      })),
    };
  }

  private async read(applicantId: string, principal: Principal, purpose: string): Promise<ReleasedRecord> {
    const agency = readingAgency(principal);
    const record = APPLICANT_ID.test(applicantId)
      ? await this.reader.read(applicantId, { agency, subject: principal.subject, purpose, releases: (key) => this.scopes.releases(agency, key) })
      : undefined;
    if (!record) throw new HttpException(apiError('record_not_found', 'the shared record knows no such person'), HttpStatus.NOT_FOUND);
    return record;
  }
}

/** An officer reads for their agency; analysts are the Big Data Bureau's, whatever else their token says. */
function readingAgency(principal: Principal): Agency {
  if (principal.role === 'officer' && principal.agency) return principal.agency;
  return 'bigdata';
}

function requirePurpose(purpose: string | undefined): string {
  const stated = decodePurposeHeader(purpose);
  if (stated === '' || stated.length > PURPOSE_MAX) {
    const message = stated === '' ? 'required: say why you read this record' : `at most ${PURPOSE_MAX} characters`;
    throw new HttpException(apiError('purpose_required', `header X-Purpose is ${message}`, [{ field: 'X-Purpose', message }]), HttpStatus.BAD_REQUEST);
  }
  return stated;
}

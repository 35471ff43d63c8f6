import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { type Localized, localize, type Message, message, render } from '@work-permit/catalogue';
import { Language, localizedApiError, type RequestLanguage } from '@work-permit/platform';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { JointReviewRow } from '../persistence/joint-review.entity';
import { messageOf } from '../persistence/stored-message';
import { JointReviewLead, JointReviewRefused } from './joint-review-lead';
import { outstandingAgencies, type OpinionKind } from './joint-review.rules';

const STATUSES = ['open', 'approved', 'rejected', 'concluded'] as const;

/** `concluded` is either conclusion. */
const STORED_STATUSES: Record<(typeof STATUSES)[number], JointReviewRow['status'][]> = {
  open: ['open'],
  approved: ['approved'],
  rejected: ['rejected'],
  concluded: ['approved', 'rejected'],
};

export class JointReviewListQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: '`concluded` lists the approved and the rejected ones.' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];
}

export class JointReviewOpinionDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'opinion must be approve or reject' })
  opinion!: OpinionKind;

  @ApiPropertyOptional({ description: 'Required to reject; shown to the applicant.' })
  @ValidateIf((dto: JointReviewOpinionDto) => dto.opinion === 'reject' || dto.reason !== undefined)
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty({ message: 'reason is required to reject' })
  reason?: string;
}

interface JointReviewView {
  caseId: string;
  status: string;
  /** Why the review opened, in the request's language (Chinese by default). */
  reason: string;
  reasons: Localized;
  agencies: string[];
  awaiting: string[];
  /** True when the caller's agency is among `awaiting`: the workbench offers "give your opinion". */
  awaitingYou: boolean;
  opinions: JointReviewRow['opinions'];
  openedAt: string | null;
  concludedAt: string | null;
}

const REFUSAL_STATUS: Record<JointReviewRefused['code'], HttpStatus> = {
  joint_review_not_found: HttpStatus.NOT_FOUND,
  not_involved: HttpStatus.FORBIDDEN,
  already_answered: HttpStatus.CONFLICT,
  already_concluded: HttpStatus.CONFLICT,
};

/** API.md's joint-review endpoints, served by the lead agency (admin-approval) only. */
@ApiTags('joint reviews')
@ApiBearerAuth()
@Controller('api/joint-reviews')
export class JointReviewsController {
  constructor(private readonly lead: JointReviewLead) {}

  // Any agency's officer reads the list (an involved agency must see what it owes); opinions stay restricted to the involved agencies.
  @Get()
  @Roles('officer')
  @ApiOperation({ summary: 'Joint reviews (any officer), with the agencies still to give an opinion and whether the caller’s agency is one of them.' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: JointReviewListQuery, @Language() lang: RequestLanguage): Promise<{ jointReviews: JointReviewView[] }> {
    const reviews = await this.lead.list(query.status ? STORED_STATUSES[query.status] : undefined);
    return { jointReviews: reviews.map((review) => view(review, principal, lang)) };
  }

  @Post(':caseId/opinions')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: "An involved agency's opinion; the review concludes when every involved agency has answered." })
  async opinion(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: JointReviewOpinionDto,
    @Language() lang: RequestLanguage,
  ): Promise<JointReviewView> {
    try {
      const review = await this.lead.giveOpinion(caseId, { agency: principal.agency ?? '', opinion: body.opinion, reason: body.reason ?? '', officer: principal.subject });
      return view(review, principal, lang);
    } catch (error) {
      if (error instanceof JointReviewRefused) throw new HttpException(localizedApiError(error.code, localize(error.reason)), REFUSAL_STATUS[error.code]);
      throw error;
    }
  }
}

function view(review: JointReviewRow, principal: Principal, lang: RequestLanguage): JointReviewView {
  const awaiting = review.status === 'open' ? outstandingAgencies(review.agencies, review.opinions) : [];
  return {
    caseId: review.caseId,
    status: review.status,
    reason: render(reasonOf(review), lang),
    reasons: localize(reasonOf(review)),
    agencies: review.agencies,
    awaiting,
    awaitingYou: principal.agency !== undefined && awaiting.includes(principal.agency),
    opinions: review.opinions,
    openedAt: review.openedAt ? new Date(review.openedAt).toISOString() : null,
    concludedAt: review.concludedAt ? new Date(review.concludedAt).toISOString() : null,
  };
}

function reasonOf(review: JointReviewRow): Message {
  return messageOf(review.reason) ?? message('review.on_abnormal_list');
}

import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { apiError } from '@work-permit/platform';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { JointReviewRow } from '../persistence/joint-review.entity';
import { JointReviewLead, JointReviewRefused } from './joint-review-lead';
import { outstandingAgencies, type OpinionKind } from './joint-review.rules';

const STATUSES = ['open', 'approved', 'rejected'] as const;

export class JointReviewListQuery {
  @ApiPropertyOptional({ enum: STATUSES })
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
  reason: string;
  agencies: string[];
  awaiting: string[];
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

  @Get()
  @Roles('officer')
  @ApiOperation({ summary: 'Joint reviews, with the agencies still to give an opinion.' })
  async list(@Query() query: JointReviewListQuery): Promise<{ jointReviews: JointReviewView[] }> {
    return { jointReviews: (await this.lead.list(query.status)).map(view) };
  }

  @Post(':caseId/opinions')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: "An involved agency's opinion; the review concludes when every involved agency has answered." })
  async opinion(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() body: JointReviewOpinionDto): Promise<JointReviewView> {
    try {
      const review = await this.lead.giveOpinion(caseId, { agency: principal.agency ?? '', opinion: body.opinion, reason: body.reason ?? '', officer: principal.subject });
      return view(review);
    } catch (error) {
      if (error instanceof JointReviewRefused) throw new HttpException(apiError(error.code, error.message), REFUSAL_STATUS[error.code]);
      throw error;
    }
  }
}

function view(review: JointReviewRow): JointReviewView {
  return {
    caseId: review.caseId,
    status: review.status,
    reason: review.reason,
    agencies: review.agencies,
    awaiting: review.status === 'open' ? outstandingAgencies(review.agencies, review.opinions) : [],
    opinions: review.opinions,
    openedAt: review.openedAt ? new Date(review.openedAt).toISOString() : null,
    concludedAt: review.concludedAt ? new Date(review.concludedAt).toISOString() : null,
  };
}

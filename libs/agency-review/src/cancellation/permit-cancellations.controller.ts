import { Controller, Get, HttpException, HttpStatus, Inject, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { localize, message } from '@work-permit/catalogue';
import { Language, localizedApiError, type RequestLanguage } from '@work-permit/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { PermitCancellations, type PermitCancellationView } from './permit-cancellations';

export class PermitCancellationListQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;
}

/** The permits this agency cancelled (the owner) or was told were cancelled (an agency whose items depend on them). */
@ApiTags('permit cancellations')
@ApiBearerAuth()
@Controller('api/permit-cancellations')
export class PermitCancellationsController {
  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    private readonly cancellations: PermitCancellations,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('officer')
  @ApiOperation({ summary: "Cancelled permits (注销) as this agency knows them, newest first: the owner's cancellations, or the notices an agency whose items depend on them received, with the items it ended." })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PermitCancellationListQuery, @Language() lang: RequestLanguage): Promise<{ cancellations: PermitCancellationView[] }> {
    if (principal.agency !== this.options.agency) {
      throw new HttpException(localizedApiError('forbidden', localize(message('refusal.cancellations_other_agency', { agency: this.options.agency }))), HttpStatus.FORBIDDEN);
    }
    return { cancellations: await this.cancellations.list(this.dataSource.manager, query.limit ?? 100, lang) };
  }
}

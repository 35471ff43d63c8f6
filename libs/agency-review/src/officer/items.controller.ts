import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { apiError, Clock } from '@work-permit/platform';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { CaseReviewer } from '../case-reviewer';
import { ReviewItemRow } from '../persistence/review-item.entity';
import { itemOfRow } from '../persistence/review-item.mapping';
import { DecisionRefused, type DecisionRefusalCode } from '../review/case-review';
import { ItemDecisionDto, ItemListQuery } from './item-decision.dto';
import { itemView, type ItemView } from './item-view';

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

const REFUSAL_STATUS: Record<DecisionRefusalCode, HttpStatus> = {
  item_not_found: HttpStatus.NOT_FOUND,
  not_ready: HttpStatus.CONFLICT,
  already_final: HttpStatus.CONFLICT,
  supplement_already_requested: HttpStatus.CONFLICT,
  unknown_material: HttpStatus.BAD_REQUEST,
};

/** API.md's agency endpoints: an officer of this agency lists its items and decides them. */
@ApiTags('items')
@ApiBearerAuth()
@Controller('api/items')
export class ItemsController {
  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    private readonly reviewer: CaseReviewer,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('officer')
  @ApiOperation({ summary: "This agency's items, soonest due first, optionally of one status; `total` counts them all, `limit` and `offset` page through." })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ItemListQuery): Promise<{ items: ItemView[]; total: number }> {
    this.assertOwnAgency(principal);
    const where: FindOptionsWhere<ReviewItemRow> = query.status ? { status: query.status } : {};
    const [rows, total] = await this.dataSource.getRepository(ReviewItemRow).findAndCount({
      where,
      order: { dueDate: { direction: 'ASC', nulls: 'LAST' }, caseId: 'ASC', code: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map((row) => this.view(row)), total };
  }

  @Get(':caseId/:code')
  @Roles('officer')
  @ApiOperation({ summary: 'One item with its findings, flags and why it waits for an officer.' })
  async one(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Param('code') code: string): Promise<ItemView> {
    this.assertOwnAgency(principal);
    const row = CODE.test(code) ? await this.dataSource.getRepository(ReviewItemRow).findOneBy({ caseId, code }) : null;
    if (!row) throw new HttpException(apiError('item_not_found', `case ${caseId} has no ${code} item at this agency`), HttpStatus.NOT_FOUND);
    return this.view(row);
  }

  @Post(':caseId/:code/decision')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Approve, reject or ask once for documents; 409 with the reason when the item is not ready for it.' })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('code') code: string,
    @Body() body: ItemDecisionDto,
  ): Promise<ItemView> {
    this.assertOwnAgency(principal);
    try {
      const item = await this.reviewer.decide(caseId, code, body, principal.subject);
      return itemView(caseId, item, { manualItems: this.options.manualItems, today: this.clock.today(), overdueAnnounced: false });
    } catch (error) {
      if (error instanceof DecisionRefused) throw new HttpException(apiError(error.code, error.message), REFUSAL_STATUS[error.code]);
      throw error;
    }
  }

  private view(row: ReviewItemRow): ItemView {
    return itemView(row.caseId, itemOfRow(row), { manualItems: this.options.manualItems, today: this.clock.today(), overdueAnnounced: row.overdueAnnouncedAt !== null });
  }

  private assertOwnAgency(principal: Principal): void {
    if (principal.agency !== this.options.agency) {
      throw new HttpException(apiError('forbidden', `only officers of ${this.options.agency} see and decide its items`), HttpStatus.FORBIDDEN);
    }
  }
}

import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { localize, message } from '@work-permit/catalogue';
import { Language, localizedApiError, type RequestLanguage } from '@work-permit/platform';
import { AGENCY_REVIEW_OPTIONS, type AgencyReviewOptions } from '../agency-review.options';
import { CaseReviewer } from '../case-reviewer';
import { DecisionRefused, type DecisionRefusalCode } from '../review/case-review';
import { DecisionLimitExtensionDto, ItemDecisionDto, ItemListQuery } from './item-decision.dto';
import type { AgencyCaseView } from './agency-case-view';
import type { ItemView } from './item-view';
import { ItemsQuery } from './items.query';
import type { QueuePage } from './queue-item-view';

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

const REFUSAL_STATUS: Record<DecisionRefusalCode, HttpStatus> = {
  item_not_found: HttpStatus.NOT_FOUND,
  not_ready: HttpStatus.CONFLICT,
  already_final: HttpStatus.CONFLICT,
  supplement_already_requested: HttpStatus.CONFLICT,
  unknown_material: HttpStatus.BAD_REQUEST,
  not_extendable: HttpStatus.CONFLICT,
  already_extended: HttpStatus.CONFLICT,
  limit_passed: HttpStatus.CONFLICT,
};

/** API.md's agency endpoints: an officer of this agency lists its items and decides them. */
@ApiTags('items')
@ApiBearerAuth()
@Controller('api/items')
export class ItemsController {
  constructor(
    @Inject(AGENCY_REVIEW_OPTIONS) private readonly options: AgencyReviewOptions,
    private readonly reviewer: CaseReviewer,
    private readonly items: ItemsQuery,
  ) {}

  @Get()
  @Roles('officer')
  @ApiOperation({
    summary:
      "This agency's items: escalated first (statutory limit run out), then overdue, then soonest due, or sorted by due date, item, status or day of submission; optionally of one status or item, only (not) overdue or escalated, matching a case id or the applicant's name (where the scope releases names); each with the applicant's name as the scope releases it and the working days left (negative: overdue). `total` counts every match, `limit` and `offset` page through.",
  })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ItemListQuery, @Language() lang: RequestLanguage): Promise<QueuePage> {
    this.assertOwnAgency(principal);
    const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');
    const search = query.q?.trim();
    return this.items.list(
      {
        status: query.status,
        overdue: flag(query.overdue),
        escalated: flag(query.escalated),
        item: query.item,
        ...(search && { search }),
        sort: query.sort,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      },
      lang,
    );
  }

  @Get(':caseId')
  @Roles('officer')
  @ApiOperation({
    summary:
      "The case as this agency holds it: its items here (with what a decision would need), the applicant, employer and employment, the documents on file, the outcomes known here and whether a joint review holds it.",
  })
  async caseView(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Language() lang: RequestLanguage): Promise<AgencyCaseView> {
    this.assertOwnAgency(principal);
    const view = await this.items.caseView(caseId, lang);
    if (!view) throw new HttpException(localizedApiError('case_not_found', localize(message('refusal.case_not_here', { caseId, agency: this.options.agency }))), HttpStatus.NOT_FOUND);
    return view;
  }

  @Get(':caseId/:code')
  @Roles('officer')
  @ApiOperation({ summary: 'One item with its findings, flags and why it waits for an officer.' })
  async one(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('code') code: string,
    @Language() lang: RequestLanguage,
  ): Promise<ItemView> {
    this.assertOwnAgency(principal);
    const item = CODE.test(code) ? await this.items.item(caseId, code, lang) : undefined;
    if (!item) throw new HttpException(localizedApiError('item_not_found', localize(message('refusal.item_not_here', { caseId, item: code }))), HttpStatus.NOT_FOUND);
    return item;
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
    @Language() lang: RequestLanguage,
  ): Promise<ItemView> {
    this.assertOwnAgency(principal);
    return this.refusedAsHttp(async () => {
      await this.reviewer.decide(caseId, code, body, principal.subject);
      return this.viewOf(caseId, code, lang);
    });
  }

  @Post(':caseId/:code/extension')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    summary:
      "Extend the item's statutory decision limit once (the work permit's 20 working days by 10), before it runs out, with the reason the applicant is told; 409 when the item has no extendable limit, was extended already, its limit ran out, or it is final.",
  })
  async extend(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('code') code: string,
    @Body() body: DecisionLimitExtensionDto,
    @Language() lang: RequestLanguage,
  ): Promise<ItemView> {
    this.assertOwnAgency(principal);
    return this.refusedAsHttp(async () => {
      await this.reviewer.extend(caseId, code, body.reason, principal.subject);
      return this.viewOf(caseId, code, lang);
    });
  }

  private async refusedAsHttp<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DecisionRefused) throw new HttpException(localizedApiError(error.code, localize(error.reason)), REFUSAL_STATUS[error.code]);
      throw error;
    }
  }

  /** The item as committed, with its case's joint-review state and escalation. */
  private async viewOf(caseId: string, code: string, lang: RequestLanguage): Promise<ItemView> {
    return (await this.items.item(caseId, code, lang)) as ItemView;
  }

  private assertOwnAgency(principal: Principal): void {
    if (principal.agency !== this.options.agency) {
      throw new HttpException(localizedApiError('forbidden', localize(message('refusal.other_agency', { agency: this.options.agency }))), HttpStatus.FORBIDDEN);
    }
  }
}

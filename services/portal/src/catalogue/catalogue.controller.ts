import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public } from '@work-permit/auth';
import { CatalogueError, describeCatalogue, getCatalogue, GuideError, GuideErrorCode, type Lang, mergeForm, message, oneThingGuide, serviceGuide } from '@work-permit/catalogue';
import { RateLimit } from '@work-permit/platform';
import { IsIn, IsOptional } from 'class-validator';
import { CaseErrorCode, CaseException } from '../cases/cases.exception';
import { type PrefilledForm, withPrefill } from '../prefill/form-prefill';
import { PrefillService } from '../prefill/prefill.service';
import { INVALID_FIELDS, refusalBody } from '../refusals';
import { ItemsSelectionDto } from './item-selection.dto';
import { selectionProblem } from './selection-problem';

class LanguageQuery {
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: Lang;
}

function mergedForm(request: ItemsSelectionDto) {
  const catalogue = getCatalogue();
  try {
    return mergeForm(catalogue, request.items);
  } catch (error) {
    if (!(error instanceof CatalogueError)) throw error;
    throw new CaseException(CaseErrorCode.ValidationFailed, INVALID_FIELDS, [selectionProblem(error)]);
  }
}

/** The catalogue, the one form and the service guides: public, read-only, from libs/catalogue. */
@Public()
@RateLimit('public')
@ApiTags('catalogue')
@Controller('api')
export class CatalogueController {
  constructor(private readonly prefill: PrefillService) {}

  @Get('catalogue')
  @ApiOperation({ summary: 'Every item with its basic elements.' })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  catalogue(@Query() query: LanguageQuery) {
    return describeCatalogue(getCatalogue(), query.lang ?? 'zh');
  }

  @Post('forms')
  @HttpCode(200)
  @ApiOperation({ summary: 'The one merged form for a selection: every field once, every material once, and the reduction. With an applicant\'s token, each field the shared record knows carries `prefill` { value, source, sourceCaseId, updatedAt, recordVersion, sourceAgency } — to be shown to the applicant, who accepts or declines each (`prefillConsent` of the case body), before it fills anything.' })
  async form(@Body() request: ItemsSelectionDto, @CurrentPrincipal({ optional: true }) principal: Principal | undefined): Promise<PrefilledForm> {
    const form = mergedForm(request);
    return withPrefill(form, await this.prefill.recordFor(principal));
  }

  @Get('guides/one-thing')
  @ApiOperation({ summary: 'The combined "one thing" service guide with the flow chart.' })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  oneThing(@Query() query: LanguageQuery) {
    return oneThingGuide(getCatalogue(), query.lang ?? 'zh');
  }

  @Get('guides/:code')
  @ApiOperation({ summary: "One item's service guide (办事指南)." })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  guide(@Param('code') code: string, @Query() query: LanguageQuery) {
    const catalogue = getCatalogue();
    try {
      return serviceGuide(catalogue, code, query.lang ?? 'zh');
    } catch (error) {
      if (error instanceof GuideError && error.code === GuideErrorCode.UnknownItem) {
        throw new NotFoundException(refusalBody(error.code, message('portal.guide.unknown_item', { item: code, version: catalogue.version })));
      }
      if (error instanceof GuideError && error.code === GuideErrorCode.NotAServiceItem) throw new NotFoundException(refusalBody(error.code, message('portal.guide.step', { item: code })));
      throw error;
    }
  }
}

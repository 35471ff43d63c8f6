import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@work-permit/auth';
import { message } from '@work-permit/catalogue';
import { Language, type RequestLanguage } from '@work-permit/platform';
import type { Response } from 'express';
import { fieldProblem, INVALID_FIELDS } from '../refusals';
import { etagOf, versionOf } from './draft-content';
import type { DraftSummary, DraftView } from './draft-view';
import { DraftErrorCode, DraftException } from './drafts.exception';
import { DraftsUseCase } from './drafts.usecase';

const CONTENT = '{ items?, applicant?, employer?, employment?, materials?, … } — the case body of POST /api/cases so far; any part may be missing or unfinished, unknown top-level fields are refused';
const ANSWER =
  'The draft with `version` (also the `ETag`) and `problems`: what POST /api/cases would refuse in its fields today (empty required fields included), in the language asked for (`?lang=` or Accept-Language, Chinese by default).';

@ApiTags('drafts')
@ApiBearerAuth()
@Roles('applicant', 'employer', 'clerk')
@Controller('api/drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsUseCase) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: `Keeps an unfinished form for the caller (an applicant by verified identity, an employer by credit code, a clerk by account); never a case. ${ANSWER}` })
  @ApiBody({ description: CONTENT })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Language() lang: RequestLanguage, @Res({ passthrough: true }) response: Response): Promise<DraftView> {
    return withEtag(response, await this.drafts.create(principal, body, lang));
  }

  @Get()
  @ApiOperation({ summary: "The caller's own drafts, newest first, without their content." })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ drafts: DraftSummary[] }> {
    return { drafts: await this.drafts.list(principal) };
  }

  @Get(':draftId')
  @ApiOperation({ summary: `One of the caller's drafts; anyone else's is not found. ${ANSWER}` })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  async get(@CurrentPrincipal() principal: Principal, @Param('draftId', new ParseUUIDPipe()) draftId: string, @Language() lang: RequestLanguage, @Res({ passthrough: true }) response: Response): Promise<DraftView> {
    return withEtag(response, await this.drafts.get(principal, draftId, lang));
  }

  @Put(':draftId')
  @ApiOperation({ summary: `Replaces the content of one of the caller's drafts, only over the version in If-Match (409 when it was saved since, 428 without it). ${ANSWER}` })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version replaced, as its ETag gave it: "3"' })
  @ApiBody({ description: CONTENT })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Param('draftId', new ParseUUIDPipe()) draftId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Language() lang: RequestLanguage,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DraftView> {
    const version = versionOf(ifMatch);
    if (ifMatch === undefined) throw new DraftException(DraftErrorCode.VersionRequired, message('drafts.version_required'));
    if (version === undefined) throw new DraftException(DraftErrorCode.ValidationFailed, INVALID_FIELDS, [fieldProblem('If-Match', message('drafts.field.if_match'))]);
    return withEtag(response, await this.drafts.replace(principal, draftId, version, body, lang));
  }

  @Delete(':draftId')
  @HttpCode(204)
  @ApiOperation({ summary: "Deletes one of the caller's drafts (the web front does after the case is submitted)." })
  async remove(@CurrentPrincipal() principal: Principal, @Param('draftId', new ParseUUIDPipe()) draftId: string): Promise<void> {
    await this.drafts.remove(principal, draftId);
  }
}

function withEtag(response: Response, view: DraftView): DraftView {
  response.setHeader('ETag', etagOf(view.version));
  return view;
}

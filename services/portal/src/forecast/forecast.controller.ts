import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@work-permit/auth';
import { Language, RateLimit, type RequestLanguage } from '@work-permit/platform';
import type { ForecastView } from './forecast-view';
import { ForecastQueries } from './forecast.queries';
import { SelectionForecastDto } from './selection-forecast.dto';

const DATES =
  'For each item the earliest, the expected and the latest day it can be decided (prerequisite graph, statutory limits with their extension, the 2026 holiday calendar, and the median of the decisions observed once there are enough — `basis` says which, in words), the critical path, and why the dates moved (a supplement request stops the clock); texts in the language asked for (`?lang=` or Accept-Language, Chinese by default) with both beside them.';

@ApiTags('forecast')
@Controller('api')
export class ForecastController {
  constructor(private readonly forecasts: ForecastQueries) {}

  @Get('cases/:caseId/forecast')
  @ApiBearerAuth()
  @Roles('applicant', 'employer', 'clerk', 'officer', 'admin')
  @ApiOperation({ summary: `The completion forecast of a case, as its items stand. ${DATES}` })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  ofCase(@CurrentPrincipal() principal: Principal, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Language() lang: RequestLanguage): Promise<ForecastView> {
    return this.forecasts.ofCase(principal, caseId, lang);
  }

  // Public like `POST /api/forms`: it reads the catalogue and the calendar, nothing of anyone's.
  @Post('forecast')
  @Public()
  @RateLimit('public')
  @HttpCode(200)
  @ApiOperation({ summary: `The completion forecast of a selection before it is submitted (\`submittedOn\`: today in China by default). ${DATES}` })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] })
  ofSelection(@Body() request: SelectionForecastDto, @Language() lang: RequestLanguage): Promise<ForecastView> {
    return this.forecasts.ofSelection(request, lang);
  }
}

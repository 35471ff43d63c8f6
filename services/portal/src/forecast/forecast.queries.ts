import { Injectable } from '@nestjs/common';
import type { Principal } from '@work-permit/auth';
import { CatalogueError, fieldProblem, forecastCompletion, getCatalogue, type ItemAction, type Lang, message } from '@work-permit/catalogue';
import { ApplicantIds, chinaDateOf, Clock } from '@work-permit/platform';
import { addCalendarDays, isIsoDate } from '@work-permit/workdays';
import { DataSource } from 'typeorm';
import { knownCatalogue } from '../catalogue/known-catalogue';
import { selectionProblem } from '../catalogue/selection-problem';
import { canViewCase, visibleItems } from '../cases/case-access';
import { CaseFile } from '../cases/case-file.entity';
import { CaseItem } from '../cases/case-item.entity';
import { callerOf } from '../cases/case-parties';
import { CaseTimelineEntry } from '../cases/case-timeline-entry.entity';
import { CaseErrorCode, CaseException } from '../cases/cases.exception';
import { INVALID_FIELDS } from '../refusals';
import { caseProgress } from './case-progress';
import { ForecastSettings } from './forecast-settings';
import { type ForecastView, toForecastView } from './forecast-view';
import { ObservedDecisionTimes } from './observed/observed-decision-times';
import type { SelectionForecastDto } from './selection-forecast.dto';

/** How far ahead a selection's day of submission may be. */
const SUBMISSION_HORIZON_DAYS = 366;

/** The completion forecast of a case, from the portal's own read model, or of a selection before it is submitted. */
@Injectable()
export class ForecastQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applicantIds: ApplicantIds,
    private readonly clock: Clock,
    private readonly observed: ObservedDecisionTimes,
    private readonly settings: ForecastSettings,
  ) {}

  /** Whoever may see the case (`GET /api/cases/:caseId`'s check) sees its forecast; an officer only its agency's items. */
  async ofCase(principal: Principal, caseId: string, lang: Lang): Promise<ForecastView> {
    const file = await this.dataSource.getRepository(CaseFile).findOneBy({ caseId });
    const items = file ? await this.dataSource.getRepository(CaseItem).find({ where: { caseId }, order: { code: 'ASC' } }) : [];
    if (!file || !canViewCase(callerOf(principal, this.applicantIds), file, items.map((i) => i.agency))) {
      throw new CaseException(CaseErrorCode.CaseNotFound, message('refusal.case_not_found', { caseId }));
    }
    const timeline = await this.dataSource.getRepository(CaseTimelineEntry).find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
    // A case keeps its catalogue version; one this build no longer carries is forecast with the current one.
    const catalogue = knownCatalogue(file.catalogueVersion) ?? getCatalogue();
    const selection = items.map((item) => ({ code: item.code, action: item.action as ItemAction }));
    const today = this.clock.today();
    const forecast = forecastCompletion(catalogue, {
      selection,
      submittedOn: chinaDateOf(file.submittedAt),
      today,
      progress: caseProgress(items, timeline),
      observed: await this.observed.of(selection, today, catalogue),
      minimumObservations: this.settings.minimumObservations(catalogue),
    });
    return toForecastView(catalogue, forecast, {
      lang,
      caseId,
      statuses: new Map(items.map((item) => [item.code, item.status])),
      visible: new Set(visibleItems(principal, items).map((item) => item.code)),
    });
  }

  async ofSelection(request: SelectionForecastDto, lang: Lang): Promise<ForecastView> {
    const today = this.clock.today();
    const submittedOn = request.submittedOn ?? today;
    const horizon = addCalendarDays(today, SUBMISSION_HORIZON_DAYS);
    if (!isIsoDate(submittedOn) || submittedOn < today || submittedOn > horizon) {
      throw new CaseException(CaseErrorCode.ValidationFailed, INVALID_FIELDS, [fieldProblem('submittedOn', message('forecast.field.submitted_on', { from: today, to: horizon }))]);
    }
    const catalogue = getCatalogue();
    // An unresolvable selection (a step, an unknown item) is the catalogue's to refuse: it reads no observations.
    const observed = await this.observed.of(request.items, today, catalogue);
    try {
      const forecast = forecastCompletion(catalogue, { selection: request.items, submittedOn, today: submittedOn, observed, minimumObservations: this.settings.minimumObservations(catalogue) });
      return toForecastView(catalogue, forecast, { lang });
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      throw new CaseException(CaseErrorCode.ValidationFailed, INVALID_FIELDS, [selectionProblem(error)]);
    }
  }
}

import type { Catalogue } from '@work-permit/catalogue';

/**
 * The forecast's settings, read once from PortalConfig (README.md, Settings): each unset one is the
 * catalogue's `forecast` parameter (of the version a forecast is made with).
 */
export class ForecastSettings {
  constructor(
    private readonly minimumObservationsSetting?: number,
    private readonly observationWindowMonthsSetting?: number,
  ) {}

  minimumObservations(catalogue: Catalogue): number {
    return this.minimumObservationsSetting ?? catalogue.parameters.forecast.minimumObservations;
  }

  observationWindowMonths(catalogue: Catalogue): number {
    return this.observationWindowMonthsSetting ?? catalogue.parameters.forecast.observationWindowMonths;
  }
}

export function forecastSettingsOf(config: { FORECAST_MIN_OBSERVATIONS?: number; FORECAST_OBSERVATION_MONTHS?: number }): ForecastSettings {
  return new ForecastSettings(config.FORECAST_MIN_OBSERVATIONS, config.FORECAST_OBSERVATION_MONTHS);
}

import type { Provider } from '@nestjs/common';
import type { PortalConfig } from '../portal.config';
import { ForecastSettings, forecastSettingsOf } from './forecast-settings';
import { ForecastQueries } from './forecast.queries';
import { ObservedDecisionTimes } from './observed/observed-decision-times';

export { ForecastController } from './forecast.controller';
export { ObservedDecisionTimes } from './observed/observed-decision-times';

/** The completion forecast (README.md, Completion forecast): what AppModule provides for it, the observed decision times' fold included. */
export function forecastProviders(config: PortalConfig): Provider[] {
  return [{ provide: ForecastSettings, useValue: forecastSettingsOf(config) }, ForecastQueries, ObservedDecisionTimes];
}

export {
  forecastCompletion,
  type CompletionForecast,
  type EarliestBasis,
  type ExpectedBasis,
  type ForecastBasis,
  type ForecastItemStatus,
  type ForecastRequest,
  type ItemForecast,
  type ItemProgress,
  type LatestBasis,
  type SupplementPeriod,
} from './completion-forecast';
export { clockWorkingDays, observedDecisionTime, type DecisionTimeBucket, type ObservedDecisionTime } from './observed-decision-times';

export enum WorkdayCalendarErrorCode {
  INVALID_DATE = 'invalid_date',
  INVALID_ARGUMENT = 'invalid_argument',
  OUTSIDE_CALENDAR = 'outside_calendar',
  INVALID_CALENDAR_FILE = 'invalid_calendar_file',
}

/** Every failure of the working-day calendar; callers map the code to HTTP or a DLQ reason at their edge. */
export class WorkdayCalendarError extends Error {
  override readonly name = 'WorkdayCalendarError';

  constructor(
    readonly code: WorkdayCalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export { dueDate, type Pause, type TimeLimit, type TimeLimitUnit } from './due-date';
export { calendarCoverage, isBeyondCalendar, isWorkingDay, type BeyondCalendar, type CalendarCoverage } from './holiday-calendar';
export { addCalendarDays, type IsoDate } from './iso-date';
export { addMonths, ageOn, daysBetween, earliest, isIsoDate, lastDayOfYears, latest, wholeMonthsBetween } from './civil-date';
export { WorkdayCalendarError, WorkdayCalendarErrorCode } from './workday-calendar.exception';
export { addWorkingDays, workingDaysBetween } from './working-days';

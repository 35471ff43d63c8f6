export { dueDate, type Pause, type TimeLimit, type TimeLimitUnit } from './due-date';
export {
  calendarCoverage,
  isBeyondCalendar,
  isWorkingDay,
  officialCalendar,
  packageCalendarCoverage,
  useOfficialCalendar,
  type BeyondCalendar,
  type CalendarCoverage,
} from './holiday-calendar';
export { parseOfficialCalendar, readOfficialCalendarFile, type OfficialCalendar, type OfficialCalendarFile, type OfficialCalendarYear } from './official-calendar';
export { calendarStatus, calendarStatusOn, type CalendarStatus } from './calendar-status';
export { addCalendarDays, type IsoDate } from './iso-date';
export { addMonths, ageOn, daysBetween, earliest, isIsoDate, lastDayOfYears, latest, wholeMonthsBetween } from './civil-date';
export { WorkdayCalendarError, WorkdayCalendarErrorCode } from './workday-calendar.exception';
export { addWorkingDays, workingDaysBetween } from './working-days';
export { workingDaysLeft, workingDaysUsed, type WorkingDayCountOptions } from './time-left';

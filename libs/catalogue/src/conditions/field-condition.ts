import type { FieldTest } from '../model/catalogue.model';
import { isBlank, valueAt } from '../shared/body-path';
import { ageOn, isCalendarDate } from '../shared/calendar-date';

export interface ConditionOptions {
  /** The day of review, `YYYY-MM-DD`; needed only by age tests. */
  today?: string;
}

/**
 * Whether a condition of the catalogue holds on a case body: every test holds. An empty condition
 * always holds. An age test on a missing or malformed date does not hold; one without `today` throws,
 * since the answer would depend on a day nobody gave.
 */
export function conditionHolds(tests: readonly FieldTest[], body: unknown, options: ConditionOptions = {}): boolean {
  return tests.every((test) => testHolds(test, valueAt(body, test.field), options));
}

/** The fields a condition reads. */
export function conditionFields(tests: readonly FieldTest[] | undefined): string[] {
  return [...new Set((tests ?? []).map((test) => test.field))];
}

function testHolds(test: FieldTest, value: unknown, { today }: ConditionOptions): boolean {
  if ('present' in test) return test.present !== isBlank(value);
  if ('equals' in test) return value === test.equals;
  if ('oneOf' in test) return test.oneOf.includes(value as never);
  if (today === undefined) throw new Error(`the age test on ${test.field} needs the day of review`);
  if (!isCalendarDate(value)) return false;
  const age = ageOn(value, today);
  return age >= test.ageFrom && age <= test.ageTo;
}

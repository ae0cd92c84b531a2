// How long a legal representative's authorization lasts, as printed on the letter: whole years
// from the day of signing (Beijing), one by default, three at most, ending the day before the same
// date N years on ("自 2026年11月20日 起至 2027年11月19日 止"). Pure: the day comes in as an argument.

export const DEFAULT_VALIDITY_YEARS = 1;
export const MAX_VALIDITY_YEARS = 3;

/** A calendar day, as the letter prints it; months and days from 1. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The day in Beijing (UTC+8, no daylight saving) at `ms`. */
export function beijingCalendarDay(ms: number): CalendarDay {
  const d = new Date(ms + 8 * 3_600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isValidValidity(years: number): boolean {
  return Number.isInteger(years) && years >= 1 && years <= MAX_VALIDITY_YEARS;
}

/**
 * The last day the authorization holds. Date.UTC rolls 29 February into 1 March of a common year,
 * so the day before is 28 February: a leap-day letter never ends on a day that does not exist.
 */
export function validityEnd(start: CalendarDay, years: number): CalendarDay {
  const end = new Date(Date.UTC(start.year + years, start.month - 1, start.day) - 86_400_000);
  return { year: end.getUTCFullYear(), month: end.getUTCMonth() + 1, day: end.getUTCDate() };
}

/** `2026年11月20日`, the way a Chinese legal document writes a date. */
export function chineseDate(d: CalendarDay): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/** The years a verification's options ask for (a partner's choice), or the default. */
export function validityYearsOf(options: { authorization_validity_years?: unknown }): number {
  const years = options.authorization_validity_years;
  return typeof years === "number" && isValidValidity(years) ? years : DEFAULT_VALIDITY_YEARS;
}

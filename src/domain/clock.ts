// Time enters the domain only as an argument. Handlers read the clock once per request.
export type Millis = number;

export const HOUR: Millis = 60 * 60 * 1000;
export const DAY: Millis = 24 * HOUR;

export function iso(ms: Millis | null | undefined): string | null {
  return ms == null ? null : new Date(ms).toISOString();
}

/** The day and minute in Beijing time (UTC+8, no daylight saving), as the guide's 认证日期 shows it: `2026-12-03 18:30`. */
export function beijingMinute(ms: Millis): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 16).replace("T", " ");
}

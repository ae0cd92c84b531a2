// Time enters the domain only as an argument. Handlers read the clock once per request.
export type Millis = number;

export const HOUR: Millis = 60 * 60 * 1000;
export const DAY: Millis = 24 * HOUR;

export function iso(ms: Millis | null | undefined): string | null {
  return ms == null ? null : new Date(ms).toISOString();
}

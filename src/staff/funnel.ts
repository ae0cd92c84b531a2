// The funnel, as figures: per day and per method over a window, how many verifications started,
// were verified, failed, expired after starting a method, or were abandoned before choosing one;
// where the unfinished ones stopped; the failure reasons; the median time to verify. Pure: the
// rows are the daily roll-up's sums (src/db/staff-funnel.ts), the view draws what this returns.
// Per method, a verification counts under the method it stands in now: an open one under "none"
// until it chooses, then under its method (its row's "open"), and an ended one under the method
// it ended in; one that ended before choosing is "abandoned" under "none".
import { beijingDay } from "../domain/funnel/key";

export const OUTCOMES = ["verified", "failed", "expired", "abandoned", "open"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One summed row: a day (Beijing), a method (null before one was chosen), a status (every open one is `open`), a count. */
export interface DayRow {
  day: string;
  method: string | null;
  status: string;
  n: number;
}

/** A verification's outcome for the funnel: expired or canceled before any method is abandoned. */
export function outcomeOf(status: string, method: string | null): Outcome {
  if (status === "verified" || status === "failed") return status;
  if (status === "expired" || status === "canceled") return method ? "expired" : "abandoned";
  return "open";
}

export interface DayFigures {
  day: string;
  started: number;
  counts: Record<Outcome, number>;
}

const zero = (): Record<Outcome, number> => ({ verified: 0, failed: 0, expired: 0, abandoned: 0, open: 0 });

/** Every day of the window, oldest first, with zeros where nothing happened (a chart must not skip days). */
export function byDay(rows: readonly DayRow[], days: readonly string[]): DayFigures[] {
  const map = new Map(days.map((day) => [day, { day, started: 0, counts: zero() }]));
  for (const r of rows) {
    const d = map.get(r.day);
    if (!d) continue;
    d.started += r.n;
    d.counts[outcomeOf(r.status, r.method)] += r.n;
  }
  return [...map.values()];
}

export interface MethodFigures {
  method: string;
  started: number;
  counts: Record<Outcome, number>;
  /** verified / (verified + failed + expired), the share of those who tried that passed. */
  passRate: number | null;
}

export function byMethod(rows: readonly DayRow[]): MethodFigures[] {
  const map = new Map<string, MethodFigures>();
  for (const r of rows) {
    const key = r.method ?? "none";
    const m = map.get(key) ?? { method: key, started: 0, counts: zero(), passRate: null };
    m.started += r.n;
    m.counts[outcomeOf(r.status, r.method)] += r.n;
    map.set(key, m);
  }
  for (const m of map.values()) {
    const tried = m.counts.verified + m.counts.failed + m.counts.expired;
    m.passRate = tried > 0 ? m.counts.verified / tried : null;
  }
  return [...map.values()].sort((a, b) => b.started - a.started);
}

/** The window's days, in Beijing time (UTC+8), oldest first. */
export function windowDays(now: number, days: number): string[] {
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(beijingDay(now - i * 86_400_000));
  return out;
}

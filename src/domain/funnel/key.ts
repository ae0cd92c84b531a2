// Where a verification stands in the funnel's daily roll-up: the Beijing day it was created, its
// partner, its method ('' before one), its status with every open one as `open` (pending,
// in_progress, requires_review, and any open status to come), and the detail the page breaks
// down: a failure's reason, the step an expired or canceled one was left at, the time-to-verify
// bucket of a verified one. Pure: the same rules are the backfill's SQL in migrations/0019.
import { bucketOf, UNKNOWN_BUCKET } from "./durations";

export interface FunnelKey {
  day: string;
  partnerId: string;
  method: string;
  status: "verified" | "failed" | "expired" | "canceled" | "open";
  detail: string;
  bucket: number;
}

/** What the key is read from: a verification row's own fields. */
export interface FunnelSubject {
  partnerId: string;
  createdAt: number;
  status: string;
  method: string | null;
  failureReason?: string | null;
  completedAt?: number | null;
  state?: { kind: string; at?: string } | null;
}

const ENDED = ["verified", "failed", "expired", "canceled"] as const;

/** The day in Beijing (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function beijingDay(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function funnelKeyOf(v: FunnelSubject): FunnelKey {
  const status = (ENDED as readonly string[]).includes(v.status) ? (v.status as FunnelKey["status"]) : "open";
  const base = { day: beijingDay(v.createdAt), partnerId: v.partnerId, method: v.method ?? "", status };
  switch (status) {
    case "failed":
      return { ...base, detail: v.failureReason ?? "", bucket: 0 };
    case "expired":
    case "canceled":
      // Ended before the state kept its step: "unknown", as the page has always said.
      return { ...base, detail: v.state?.at ?? "unknown", bucket: 0 };
    case "verified":
      return { ...base, detail: "", bucket: v.completedAt == null ? UNKNOWN_BUCKET : bucketOf(v.completedAt - v.createdAt) };
    default:
      return { ...base, detail: "", bucket: 0 };
  }
}

export function sameKey(a: FunnelKey, b: FunnelKey): boolean {
  return a.day === b.day && a.partnerId === b.partnerId && a.method === b.method && a.status === b.status && a.detail === b.detail && a.bucket === b.bucket;
}

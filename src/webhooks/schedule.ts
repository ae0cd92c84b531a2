// When to try a webhook delivery again, and when to give up. Pure: the caller supplies the
// attempt's HTTP status and a random number, so every rule here is tested in plain Node.
// Any answer but 2xx (or no answer within the timeout) is retried; 410 Gone disables the endpoint.
import { z } from "zod";

/** Seconds to wait before retry 1, 2, …: about three days in all (Standard Webhooks' guidance). */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400];

/** The longest delay a Cloudflare Queues message can carry; longer waits are chained. */
export const MAX_QUEUE_DELAY_SECONDS = 12 * 60 * 60;

/** `WEBHOOK_RETRY_SCHEDULE`: comma-separated seconds, e.g. `5,300,1800`; tests shorten it to `1,1,1`. */
export const retryScheduleSchema = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "WEBHOOK_RETRY_SCHEDULE must be comma-separated whole seconds, e.g. 5,300,1800")
  .transform((text) => text.split(",").map((s) => Number(s.trim())))
  .pipe(
    z
      .array(
        z
          .number()
          .int()
          .min(1)
          .max(7 * 24 * 3600),
      )
      .min(1)
      .max(20),
  );

export type AttemptDecision =
  | { kind: "succeeded" }
  | { kind: "gone" } // 410: the receiver says the endpoint no longer exists
  | { kind: "retry"; delaySeconds: number }
  | { kind: "dead" }; // the last retry failed: kept, never sent again on its own

/**
 * `status` is the receiver's HTTP status, or null when it did not answer in time. `attempt` is
 * 1 for the first try. Jitter of ±10% (from `random`, in [0, 1)) spreads retries after an outage.
 */
export function decideAfterAttempt(status: number | null, attempt: number, schedule: readonly number[], random: number): AttemptDecision {
  if (status !== null && status >= 200 && status < 300) return { kind: "succeeded" };
  if (status === 410) return { kind: "gone" };
  const base = schedule[attempt - 1];
  if (base === undefined) return { kind: "dead" };
  return { kind: "retry", delaySeconds: Math.max(1, Math.round(base * (0.9 + 0.2 * random))) };
}

/** A uniform number in [0, 1) from Web Crypto, for jitter. */
export function randomUnit(): number {
  return (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;
}

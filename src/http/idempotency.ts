// Idempotency-Key on partner POSTs. The first request with a key claims it (an insert that only
// one writer can win); its response is stored and replayed for 24 hours. A different body with
// the same key is refused (422); a request racing the first is refused (409). A claim whose
// request has not finished within a lease (its isolate may have died) is abandoned, and the next
// retry takes it over. Bodies hold personal data, so only their keyed hash is stored. A response
// that carries a secret (marked `Cache-Control: no-store`, e.g. a new webhook secret) is stored
// encrypted, so the replay table never holds a usable secret in plaintext.
import { and, eq, lt } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { DAY } from "../domain/clock";
import { idempotencyKeys } from "../db/schema";
import type { AppEnv } from "./app-env";
import { text } from "./api-messages";
import { fieldIssue } from "./field-issues";
import { ProblemError } from "./problem";

/** How long a replay is kept; the cron deletes rows older than this (src/maintenance/expired-rows.ts). */
export const IDEMPOTENCY_WINDOW_MS = DAY;
/** A claim still `in_progress` this long after it was made belongs to a request that died. */
export const IDEMPOTENCY_LEASE_MS = 60_000;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const SEALED = "sealed:";

export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    const issue = fieldIssue(["Idempotency-Key"], "invalid_format", "field.idempotency_key");
    throw new ProblemError("validation_error", issue.message, { errors: [issue] });
  }
  const { db, partner, now, cipher } = c.var;
  const fingerprint = `${c.req.method} ${new URL(c.req.url).pathname}\n${await c.req.text()}`;
  // Keyed (HMAC), not a plain digest: a body of a few known fields (name, ID number, phone) could
  // otherwise be confirmed by hashing guesses against a leaked table.
  const requestHash = await cipher.hash("idempotency_request", fingerprint);
  const where = and(eq(idempotencyKeys.partnerId, partner.partnerId), eq(idempotencyKeys.livemode, partner.livemode), eq(idempotencyKeys.key, key));

  // A key older than the window is forgotten, so the claim below can succeed again.
  await db.delete(idempotencyKeys).where(and(where, lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_WINDOW_MS)));
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ partnerId: partner.partnerId, livemode: partner.livemode, key, requestHash, state: "in_progress", createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (claimed.length === 0) {
    const existing = await db.select().from(idempotencyKeys).where(where).get();
    if (!existing) throw new ProblemError("idempotency_key_in_use", text("detail.idempotency_retry"));
    if (existing.requestHash !== requestHash) {
      throw new ProblemError("idempotency_key_reused", text("detail.idempotency_reused"));
    }
    if (existing.state === "in_progress") {
      if (existing.createdAt > now - IDEMPOTENCY_LEASE_MS || !(await takeOver(c.var, where, existing.createdAt, requestHash))) {
        throw new ProblemError("idempotency_key_in_use", text("detail.idempotency_in_progress"));
      }
    } else {
      const sealed = existing.responseBody?.startsWith(SEALED) ?? false;
      const replayBody = sealed && existing.responseBody ? await cipher.decrypt(existing.responseBody.slice(SEALED.length)) : existing.responseBody;
      return new Response(replayBody, {
        status: existing.responseStatus ?? 200,
        headers: { "content-type": contentTypeFor(existing.responseStatus ?? 200), "idempotent-replayed": "true", ...(sealed ? { "cache-control": "no-store" } : {}) },
      });
    }
  }

  // From here this request owns the claim made at `now`. Every write below is fenced on it, so a
  // request that outlived its lease and lost the key to a retry cannot overwrite the retry's row.
  const ours = and(where, eq(idempotencyKeys.createdAt, now), eq(idempotencyKeys.state, "in_progress"));
  try {
    await next();
  } catch (error) {
    await db.delete(idempotencyKeys).where(ours);
    throw error;
  }
  // Server faults are not remembered: the partner should be able to retry them with the same key.
  if (c.res.status >= 500) {
    await db.delete(idempotencyKeys).where(ours);
    return;
  }
  const body = await c.res.clone().text();
  const secret = /\bno-store\b/.test(c.res.headers.get("cache-control") ?? "");
  const stored = secret ? SEALED + (await cipher.encrypt(body)) : body;
  await db.update(idempotencyKeys).set({ state: "done", responseStatus: c.res.status, responseBody: stored }).where(ours);
});

/**
 * Moves an abandoned claim to this request. The update is guarded on the claim time we read, so
 * of two retries racing for the same abandoned key exactly one matches; the other sees 409.
 */
async function takeOver(v: AppEnv["Variables"], where: ReturnType<typeof and>, abandonedAt: number, requestHash: string): Promise<boolean> {
  const taken = await v.db
    .update(idempotencyKeys)
    .set({ createdAt: v.now, requestHash })
    .where(and(where, eq(idempotencyKeys.state, "in_progress"), eq(idempotencyKeys.createdAt, abandonedAt)))
    .returning({ key: idempotencyKeys.key });
  return taken.length === 1;
}

function contentTypeFor(status: number): string {
  return status >= 400 ? "application/problem+json" : "application/json";
}

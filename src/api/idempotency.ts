// Idempotency-Key on partner POSTs. The first request with a key claims it (an insert that only
// one writer can win); its response is stored and replayed for 24 hours. A different body with
// the same key is refused (422); a request racing the first is refused (409). A response that
// carries a secret (marked `Cache-Control: no-store`, e.g. a new webhook secret) is stored
// encrypted, so the replay table never holds a usable secret in plaintext.
import { and, eq, lt } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { sha256Hex } from "../crypto/hash";
import { DAY } from "../domain/clock";
import { idempotencyKeys } from "../db/schema";
import type { AppEnv } from "./app-env";
import { ProblemError } from "./problem";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const SEALED = "sealed:";

export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new ProblemError("validation_error", "Idempotency-Key must be 1 to 255 printable ASCII characters.", {
      errors: [{ path: "Idempotency-Key", code: "invalid_format", message: "Idempotency-Key must be 1 to 255 printable ASCII characters." }],
    });
  }
  const { db, partner, now } = c.var;
  const requestHash = await sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n${await c.req.text()}`);
  const where = and(eq(idempotencyKeys.partnerId, partner.partnerId), eq(idempotencyKeys.livemode, partner.livemode), eq(idempotencyKeys.key, key));

  // A key older than 24 h is forgotten, so the claim below can succeed again.
  await db.delete(idempotencyKeys).where(and(where, lt(idempotencyKeys.createdAt, now - DAY)));
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ partnerId: partner.partnerId, livemode: partner.livemode, key, requestHash, state: "in_progress", createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (claimed.length === 0) {
    const existing = await db.select().from(idempotencyKeys).where(where).get();
    if (!existing) throw new ProblemError("idempotency_key_in_use", "Retry the request.");
    if (existing.requestHash !== requestHash) {
      throw new ProblemError("idempotency_key_reused", "This Idempotency-Key was used with a different request in the last 24 hours. Use a new key for a new request.");
    }
    if (existing.state === "in_progress") {
      throw new ProblemError("idempotency_key_in_use", "The first request with this Idempotency-Key has not finished. Retry in a moment.");
    }
    const sealed = existing.responseBody?.startsWith(SEALED) ?? false;
    const replayBody = sealed && existing.responseBody ? await c.var.cipher.decrypt(existing.responseBody.slice(SEALED.length)) : existing.responseBody;
    return new Response(replayBody, {
      status: existing.responseStatus ?? 200,
      headers: { "content-type": contentTypeFor(existing.responseStatus ?? 200), "idempotent-replayed": "true", ...(sealed ? { "cache-control": "no-store" } : {}) },
    });
  }

  try {
    await next();
  } catch (error) {
    await db.delete(idempotencyKeys).where(where);
    throw error;
  }
  // Server faults are not remembered: the partner should be able to retry them with the same key.
  if (c.res.status >= 500) {
    await db.delete(idempotencyKeys).where(where);
    return;
  }
  const body = await c.res.clone().text();
  const secret = /\bno-store\b/.test(c.res.headers.get("cache-control") ?? "");
  const stored = secret ? SEALED + (await c.var.cipher.encrypt(body)) : body;
  await db.update(idempotencyKeys).set({ state: "done", responseStatus: c.res.status, responseBody: stored }).where(where);
});

function contentTypeFor(status: number): string {
  return status >= 400 ? "application/problem+json" : "application/json";
}

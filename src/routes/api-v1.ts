// Partner API, version 1: verifications. Handlers parse with zod, call the domain, serialize.
import { Hono } from "hono";
import type { AppEnv } from "../api/app-env";
import { idempotency } from "../api/idempotency";
import { partnerAuth } from "../api/partner-auth";
import { ProblemError } from "../api/problem";
import { createVerificationRequest, listVerificationsQuery } from "../api/v1/schemas";
import { parseOrThrow, readJson } from "../api/validation";
import { getVerification, listVerifications } from "../db/verifications";
import { applyEvent, settleExpiry } from "../verifications/apply";
import { assertProvidersConfigured } from "../verifications/providers-check";
import { createVerification } from "../verifications/create";
import { serializeVerification } from "../verifications/serialize";
import { baseUrl } from "./base-url";

export const apiV1 = new Hono<AppEnv>();

apiV1.use("*", partnerAuth, idempotency);

const notFound = (id: string) => new ProblemError("not_found", `No verification ${id} exists for this API key.`);

apiV1.post("/verifications", async (c) => {
  const input = parseOrThrow(createVerificationRequest, await readJson(c), "the request body");
  const { db, cipher, partner, now, config } = c.var;
  if (partner.livemode) assertProvidersConfigured(config, input.methods, input.type);
  const row = await createVerification(db, cipher, partner, input, now);
  const stored = await getVerification(db, partner, row.id);
  return c.json(serializeVerification(stored!, baseUrl(c), now), 201);
});

apiV1.get("/verifications", async (c) => {
  const query = parseOrThrow(listVerificationsQuery, c.req.query(), "the query");
  const { db, partner, now } = c.var;
  let startingAfter;
  if (query.starting_after) {
    const cursor = await getVerification(db, partner, query.starting_after);
    if (!cursor) {
      throw new ProblemError("validation_error", "starting_after does not name a verification of this API key.", {
        errors: [{ path: "starting_after", code: "not_found", message: "starting_after does not name a verification of this API key." }],
      });
    }
    startingAfter = { id: cursor.id, createdAt: cursor.createdAt };
  }
  const rows = await listVerifications(db, partner, { status: query.status, reference: query.reference, limit: query.limit, startingAfter }, now);
  const base = baseUrl(c);
  return c.json({
    object: "list",
    data: rows.slice(0, query.limit).map((r) => serializeVerification(r, base, now)),
    has_more: rows.length > query.limit,
  });
});

apiV1.get("/verifications/:id", async (c) => {
  const { db, partner, now } = c.var;
  const row = await getVerification(db, partner, c.req.param("id"));
  if (!row) throw notFound(c.req.param("id"));
  return c.json(serializeVerification(await settleExpiry(db, row, now), baseUrl(c), now));
});

apiV1.post("/verifications/:id/cancel", async (c) => {
  const { db, partner, now } = c.var;
  const row = await getVerification(db, partner, c.req.param("id"));
  if (!row) throw notFound(c.req.param("id"));
  const current = await settleExpiry(db, row, now);
  const result = await applyEvent(db, current, { type: "cancel" }, "partner", now);
  if (!result.ok) {
    if (result.error === "conflict") throw new ProblemError("conflict", "The verification changed while canceling it. Fetch it and try again.");
    throw new ProblemError("invalid_state", `The verification is ${current.status}; only pending or in_progress verifications can be canceled.`, {
      verification_status: current.status,
    });
  }
  return c.json(serializeVerification(result.row, baseUrl(c), now));
});

// Partner API, version 1: verifications, their result tokens and evidence. Handlers parse with
// zod, call the domain, serialize. Other /v1 areas mount here, under the same middleware.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { idempotency } from "../http/idempotency";
import { partnerAuth } from "../http/partner-auth";
import { text } from "../http/api-messages";
import { fieldIssue } from "../http/field-issues";
import { ProblemError } from "../http/problem";
import { createVerificationRequest, listVerificationsQuery } from "../http/v1/schemas";
import { parseOrThrow, readJson } from "../http/validation";
import { evidenceSources } from "../db/evidence";
import { getVerification, listVerifications, type VerificationRow } from "../db/verifications";
import { evidenceRecord, signEvidence } from "../tokens/evidence";
import { resultTokenFor } from "../tokens/result-token";
import { moveAndWrite, settleExpiry } from "../flow/writer";
import { assertProvidersConfigured } from "../verifications/providers-check";
import { assertSomeMethodRuns } from "../verifications/runnable";
import { createVerification } from "../verifications/create";
import { serializeVerification } from "../verifications/serialize";
import { baseUrl } from "./base-url";
import { apiV1Webhooks } from "./api-v1-webhooks";
import { testHelpers } from "./test-helpers";

export const apiV1 = new Hono<AppEnv>();

apiV1.use("*", partnerAuth, idempotency);
apiV1.route("/", testHelpers);
// Mounted here rather than in app.ts: a second `use("*")` under /v1 would run the idempotency
// middleware twice for every request.
apiV1.route("/", apiV1Webhooks);

const notFound = (id: string) => new ProblemError("not_found", text("detail.verification_not_found", { id }));
const writer = (c: Context<AppEnv>) => ({ db: c.var.db, env: c.env });

async function withResultToken(c: Context<AppEnv>, row: VerificationRow) {
  return { ...serializeVerification(row, baseUrl(c), c.var.now), result_token: await resultTokenFor(c.var, baseUrl(c), row) };
}

apiV1.post("/verifications", async (c) => {
  const input = parseOrThrow(createVerificationRequest, await readJson(c), "body");
  const { cipher, partner, now, config } = c.var;
  assertSomeMethodRuns(input.methods, input.type);
  if (partner.livemode) assertProvidersConfigured(config, input.methods, input.type);
  const row = await createVerification(writer(c), cipher, partner, input, now);
  return c.json(serializeVerification(row, baseUrl(c), now), 201);
});

apiV1.get("/verifications", async (c) => {
  const query = parseOrThrow(listVerificationsQuery, c.req.query(), "query");
  const { db, partner, now } = c.var;
  let startingAfter: { id: string; createdAt: number } | undefined;
  if (query.starting_after) {
    const cursor = await getVerification(db, partner, query.starting_after);
    if (!cursor) {
      const issue = fieldIssue(["starting_after"], "not_found", "field.not_found_verification");
      throw new ProblemError("validation_error", issue.message, { errors: [issue] });
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
  return c.json(await withResultToken(c, await settleExpiry(writer(c), row, now)));
});

apiV1.get("/verifications/:id/evidence", async (c) => {
  const { db, partner, now } = c.var;
  const row = await getVerification(db, partner, c.req.param("id"));
  if (!row) throw notFound(c.req.param("id"));
  const current = await settleExpiry(writer(c), row, now);
  const record = evidenceRecord(baseUrl(c), current, await evidenceSources(db, current), now);
  return c.json({ jws: await signEvidence(c.var, record) }, 200, { "cache-control": "no-store" });
});

/** The signed authorization letter (PDF), to the partner whose verification it is; 404 before it is signed. */
apiV1.get("/verifications/:id/authorization_letter", async (c) => {
  const { db, partner } = c.var;
  const row = await getVerification(db, partner, c.req.param("id"));
  const key = row?.authorization?.signedAt ? row.authorization.letterKey : undefined;
  const object = key ? await c.env.IMAGES.get(key) : null;
  if (!row || !object) throw new ProblemError("not_found", text("detail.authorization_letter_not_found", { id: c.req.param("id") }));
  return new Response(object.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="authorization-letter-${row.id}.pdf"`,
      "cache-control": "private, no-store",
      "x-content-sha256": row.authorization?.letterSha256 ?? "",
    },
  });
});

apiV1.post("/verifications/:id/cancel", async (c) => {
  const { db, partner, now } = c.var;
  const row = await getVerification(db, partner, c.req.param("id"));
  if (!row) throw notFound(c.req.param("id"));
  const current = await settleExpiry(writer(c), row, now);
  const result = await moveAndWrite(writer(c), current, { type: "cancel" }, { actor: "partner" }, now);
  if (!result.ok) {
    if (result.error === "conflict") throw new ProblemError("conflict", text("detail.cancel_conflict"));
    throw new ProblemError("invalid_state", text("detail.cancel_invalid_state", { status: current.status }), {
      verification_status: current.status,
    });
  }
  return c.json(await withResultToken(c, result.row));
});

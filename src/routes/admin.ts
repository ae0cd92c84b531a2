// Operator API: partners and their keys, and the review queue's decisions. Guarded by ADMIN_TOKEN; a key is shown once, here.
import { Hono } from "hono";
import { createKeyRequest, createPartnerRequest } from "../http/admin-schemas";
import { adminAuth } from "../http/admin-auth";
import type { AppEnv } from "../http/app-env";
import { text } from "../http/api-messages";
import { ProblemError } from "../http/problem";
import { parseOrThrow, readJson } from "../http/validation";
import { createKey, createPartnerWithKey, type IssuedKey, partnerExists, revokeKey } from "../db/api-keys";
import { iso } from "../domain/clock";
import { pendingReviewsAcrossPartners } from "../db/reviews";
import { auditInsert } from "../db/staff";
import { decideReview } from "../reviews/decide";
import { decisionInput, decisionOf } from "../reviews/decision-input";

export const adminV1 = new Hono<AppEnv>();
adminV1.use("*", adminAuth);

// A response with a plaintext key must never sit in a browser, proxy or CDN cache.
const NO_STORE = { "cache-control": "no-store" };

const keyObject = (k: IssuedKey, partnerId: string) => ({
  id: k.id,
  object: "api_key",
  partner_id: partnerId,
  mode: k.mode,
  key: k.key,
  hint: k.hint,
  created_at: iso(k.createdAt),
});

adminV1.post("/partners", async (c) => {
  const input = parseOrThrow(createPartnerRequest, await readJson(c), "body");
  const { partner, key } = await createPartnerWithKey(c.var.db, input.name, c.var.now);
  return c.json({ id: partner.id, object: "partner", name: partner.name, created_at: iso(partner.createdAt), test_key: keyObject(key, partner.id) }, 201, NO_STORE);
});

adminV1.post("/partners/:id/keys", async (c) => {
  const partnerId = c.req.param("id");
  const input = parseOrThrow(createKeyRequest, await readJson(c), "body");
  if (!(await partnerExists(c.var.db, partnerId))) throw new ProblemError("not_found", text("detail.partner_not_found", { id: partnerId }));
  const key = await createKey(c.var.db, partnerId, input.mode, c.var.now);
  return c.json(keyObject(key, partnerId), 201, NO_STORE);
});

adminV1.delete("/partners/:id/keys/:keyId", async (c) => {
  const { id, keyId } = c.req.param();
  if (!(await revokeKey(c.var.db, id, keyId, c.var.now))) {
    throw new ProblemError("not_found", text("detail.key_not_found", { key: keyId, partner: id }));
  }
  return c.json({ id: keyId, object: "api_key", revoked: true });
});

// The review queue for automation and tests: the same decision the back office makes, by the
// operator's token (recorded as `operator_api`); an item a staff member holds is theirs for now.
const reviewObject = (r: {
  id: string;
  verificationId: string;
  partnerId: string;
  kind: string;
  status: string;
  createdAt: number;
  decidedAt?: number | null;
  decision?: string | null;
  reason?: string | null;
}) => ({
  id: r.id,
  object: "review",
  verification_id: r.verificationId,
  partner_id: r.partnerId,
  kind: r.kind,
  status: r.status,
  decision: r.decision ?? null,
  reason: r.reason ?? null,
  created_at: iso(r.createdAt),
  decided_at: iso(r.decidedAt ?? null),
});

adminV1.get("/reviews", async (c) => {
  const rows = await pendingReviewsAcrossPartners(c.var.db);
  return c.json({ object: "list", data: rows.map((r) => reviewObject({ ...r, status: "pending" })) }, 200, NO_STORE);
});

const REFUSALS = {
  decided: "detail.review_decided",
  withdrawn: "detail.review_withdrawn",
  claimed_by_other: "detail.review_claimed",
  not_claimed: "detail.review_claimed",
} as const;

adminV1.post("/reviews/:id/decision", async (c) => {
  const id = c.req.param("id");
  const decision = decisionOf(parseOrThrow(decisionInput, await readJson(c), "body"));
  if (!decision) throw new ProblemError("validation_error", text("detail.review_reason_required"), { errors: [{ path: "reason", code: "required", message: text("detail.review_reason_required") }] });
  const result = await decideReview({ db: c.var.db, env: c.env, now: c.var.now }, id, { kind: "api" }, decision);
  if (!result.ok) {
    if (result.error === "not_found") throw new ProblemError("not_found", text("detail.review_not_found", { id }));
    if (result.error === "reason_not_of_kind") {
      const message = text("detail.review_reason_of_kind", { reasons: result.reasons.join(", ") });
      throw new ProblemError("validation_error", message, { errors: [{ path: "reason", code: "invalid_value", message }] });
    }
    throw new ProblemError("conflict", text(REFUSALS[result.error], { id }));
  }
  await auditInsert(
    c.var.db,
    "operator_api",
    {
      action: `review.${result.review.status}`,
      objectType: "review",
      objectId: id,
      data: { verification_id: result.review.verificationId, ...(result.review.reason ? { reason: result.review.reason } : {}) },
    },
    c.var.now,
  );
  return c.json(reviewObject(result.review), 200, NO_STORE);
});

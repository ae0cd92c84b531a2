// Operator API: partners and their keys. Guarded by ADMIN_TOKEN; a key is shown once, here.
import { Hono } from "hono";
import { createKeyRequest, createPartnerRequest } from "../http/admin-schemas";
import { adminAuth } from "../http/admin-auth";
import type { AppEnv } from "../http/app-env";
import { text } from "../http/api-messages";
import { ProblemError } from "../http/problem";
import { parseOrThrow, readJson } from "../http/validation";
import { createKey, createPartnerWithKey, type IssuedKey, partnerExists, revokeKey } from "../db/api-keys";
import { iso } from "../domain/clock";

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

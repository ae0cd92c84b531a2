// The back office's partner pages (admins): what the operator API does, on pages. A new key is
// shown once, on the answer to the post that made it (never cached); every change is audited.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { createKey, createPartnerWithKey, revokeKey } from "../db/api-keys";
import { partnerDetail, listPartners } from "../db/staff-partners";
import { getEventForDelivery } from "../db/webhook-events";
import { iso } from "../domain/clock";
import { requireStaff, sameOrigin, type StaffEnv, staffHeaders } from "../staff/guard";
import { audit, staffLocale, viewerOf } from "../staff/request";
import { redeliver } from "../webhooks/endpoints";
import { PartnerPage, PartnersPage } from "../../views/staff/partners";

export const staffPartners = new Hono<StaffEnv>();

staffPartners.use("/staff/partners/*", staffHeaders, sameOrigin, requireStaff(["admin"]));
staffPartners.use("/staff/partners", staffHeaders, sameOrigin, requireStaff(["admin"]));

async function list(c: Context<StaffEnv>, error = false) {
  const rows = (await listPartners(c.var.db)).map((p) => ({ ...p, createdAt: iso(p.createdAt)! }));
  return c.html(<PartnersPage locale={staffLocale(c)} viewer={viewerOf(c)} partners={rows} error={error} />, error ? 422 : 200);
}

async function one(c: Context<StaffEnv>, id: string, newKey?: string) {
  const detail = await partnerDetail(c.var.db, id);
  if (!detail) return c.notFound();
  const view = {
    id,
    name: detail.partner.name,
    keys: detail.keys.map((k) => ({ id: k.id, mode: k.mode, hint: k.hint, createdAt: iso(k.createdAt)!, revoked: k.revokedAt !== null })),
    endpoints: detail.endpoints.map((e) => ({ id: e.id, url: e.url, mode: e.livemode ? "live" : "test", status: e.status })),
    deliveries: detail.deliveries.map((d) => ({ ...d, at: iso(d.createdAt)! })),
  };
  return c.html(<PartnerPage locale={staffLocale(c)} viewer={viewerOf(c)} view={view} newKey={newKey} />, newKey ? 201 : 200);
}

staffPartners.get("/staff/partners", (c) => list(c));

staffPartners.post("/staff/partners", async (c) => {
  const name = z
    .string()
    .trim()
    .min(1)
    .max(128)
    .safeParse((await c.req.formData().catch(() => new FormData())).get("name"));
  if (!name.success) return list(c, true);
  const { partner, key } = await createPartnerWithKey(c.var.db, name.data, c.var.now);
  await audit(c, { action: "partner.created", objectType: "partner", objectId: partner.id, data: { test_key_hint: key.hint } });
  return one(c, partner.id, key.key);
});

staffPartners.get("/staff/partners/:id", (c) => one(c, c.req.param("id")));

staffPartners.post("/staff/partners/:id/keys", async (c) => {
  const id = c.req.param("id");
  const mode = z.enum(["test", "live"]).safeParse((await c.req.formData().catch(() => new FormData())).get("mode"));
  if (!mode.success || !(await partnerDetail(c.var.db, id))) return c.notFound();
  const key = await createKey(c.var.db, id, mode.data, c.var.now);
  await audit(c, { action: "key.created", objectType: "partner", objectId: id, data: { key_id: key.id, mode: key.mode, hint: key.hint } });
  return one(c, id, key.key);
});

staffPartners.post("/staff/partners/:id/keys/:key/revoke", async (c) => {
  const { id, key } = c.req.param();
  if (await revokeKey(c.var.db, id, key, c.var.now)) await audit(c, { action: "key.revoked", objectType: "partner", objectId: id, data: { key_id: key } });
  return c.redirect(`/staff/partners/${id}`, 303);
});

staffPartners.post("/staff/partners/:id/events/:event/redeliver", async (c) => {
  const { id, event: eventId } = c.req.param();
  const event = await getEventForDelivery(c.var.db, eventId);
  if (!event || event.partnerId !== id) return c.notFound();
  try {
    await redeliver({ db: c.var.db, env: c.env }, event, undefined, c.var.now);
  } catch {
    // No endpoint takes this event any more: nothing to send, and the page says what is there.
  }
  await audit(c, { action: "event.redelivered", objectType: "webhook_event", objectId: eventId, data: { partner_id: id } });
  return c.redirect(`/staff/partners/${id}`, 303);
});

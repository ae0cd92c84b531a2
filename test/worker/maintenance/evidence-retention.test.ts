// The evidence sweep: a verification that ended more than 1,095 days ago goes with everything that
// names it (event log, consents, webhook events, deliveries, attempts, incoming credits); one inside the period, an
// open one and a recent child of an old parent stay; the triggers still refuse any other delete;
// one run deletes at most one batch, the longest-ended first.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runCron } from "../../../src/cron";
import { database } from "../../../src/db/client";
import { DAY } from "../../../src/domain/clock";
import { EVIDENCE_RETENTION_MS, sweepEvidence } from "../../../src/maintenance/evidence-retention";
import { SWEEP_BATCH } from "../../../src/maintenance/expired-rows";
import { newPartner } from "../helpers";

const ctx = () => ({ db: database(env.DB) });
const fresh = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;

interface Ended {
  /** completed_at; null for a verification never closed. */
  completedAt: number | null;
  expiresAt: number;
  parentId?: string;
}

/** A verification with one event, one consent and one webhook event delivered once (one attempt). */
async function evidence(partnerId: string, { completedAt, expiresAt, parentId }: Ended) {
  const id = fresh("ver");
  const created = (completedAt ?? expiresAt) - DAY;
  const [event, consent, hook, delivery, attempt] = [fresh("evt"), fresh("cns"), fresh("whe"), fresh("whd"), fresh("wha")];
  await env.DB.batch([
    env.DB.prepare(
      `insert into verifications (id, partner_id, livemode, type, status, methods, locale, parent_id, expires_at, created_at, updated_at, completed_at)
       values (?, ?, 0, 'person', ?, '["mobile3"]', 'zh-CN', ?, ?, ?, ?, ?)`,
    ).bind(id, partnerId, completedAt === null ? "pending" : "verified", parentId ?? null, expiresAt, created, completedAt ?? created, completedAt),
    env.DB.prepare("insert into verification_events (id, verification_id, partner_id, type, actor, created_at) values (?, ?, ?, 'verification.created', 'partner', ?)").bind(
      event,
      id,
      partnerId,
      created,
    ),
    env.DB.prepare("insert into consents (id, verification_id, kind, text_version, text_hash, ip_masked, created_at) values (?, ?, 'app_authorization', 'v', ?, '203.0.113.0/24', ?)").bind(
      consent,
      id,
      "ab".repeat(32),
      created,
    ),
    env.DB.prepare("insert into webhook_events (id, partner_id, livemode, verification_id, type, body, created_at, queued_at) values (?, ?, 0, ?, 'verification.verified', '{}', ?, ?)").bind(
      hook,
      partnerId,
      id,
      created,
      created,
    ),
    env.DB.prepare("insert into webhook_deliveries (id, event_id, endpoint_id, status, attempts, created_at, updated_at) values (?, ?, 'we_x', 'succeeded', 1, ?, ?)").bind(
      delivery,
      hook,
      created,
      created,
    ),
    env.DB.prepare("insert into webhook_attempts (id, delivery_id, endpoint_id, event_id, attempt, succeeded, latency_ms, attempted_at) values (?, ?, 'we_x', ?, 1, 1, 5, ?)").bind(
      attempt,
      delivery,
      hook,
      created,
    ),
    env.DB.prepare(
      `insert into incoming_credits (credit_id, livemode, credited_account, amount_fen, payer_name_enc, payer_name_masked, payer_account_masked, remark, booked_at, received_at, outcome, verification_id, reason)
       values (?, 0, '110060149018800012345', 1, 'v1.x', '宁**', '3100****0000', '', ?, ?, 'matched', ?, null)`,
    ).bind(fresh("crd"), created, created, id),
  ]);
  return { id, event, consent, hook, delivery, attempt };
}

/** How many rows of each table still name the verification. */
async function rowsOf(v: Awaited<ReturnType<typeof evidence>>) {
  const count = (table: string, column: string, value: string) =>
    env.DB.prepare(`select count(*) as n from ${table} where ${column} = ?`)
      .bind(value)
      .first<{ n: number }>()
      .then((r) => r!.n);
  return {
    verifications: await count("verifications", "id", v.id),
    verification_events: await count("verification_events", "verification_id", v.id),
    consents: await count("consents", "verification_id", v.id),
    webhook_events: await count("webhook_events", "verification_id", v.id),
    webhook_deliveries: await count("webhook_deliveries", "event_id", v.hook),
    webhook_attempts: await count("webhook_attempts", "event_id", v.hook),
    incoming_credits: await count("incoming_credits", "verification_id", v.id),
  };
}

const ALL = { verifications: 1, verification_events: 1, consents: 1, webhook_events: 1, webhook_deliveries: 1, webhook_attempts: 1, incoming_credits: 1 };
const NONE = { verifications: 0, verification_events: 0, consents: 0, webhook_events: 0, webhook_deliveries: 0, webhook_attempts: 0, incoming_credits: 0 };

describe("the evidence sweep", () => {
  it("should keep evidence for 1,095 days", () => {
    expect(EVIDENCE_RETENTION_MS).toBe(1_095 * DAY);
  });

  it("should delete a verification ended 1,096 days ago with everything that names it, and keep one ended 1,094 days ago and an open one", async () => {
    const { id: p } = await newPartner();
    const now = Date.now();
    const old = await evidence(p, { completedAt: now - 1_096 * DAY, expiresAt: now - 1_095 * DAY });
    const recent = await evidence(p, { completedAt: now - 1_094 * DAY, expiresAt: now - 1_093 * DAY });
    const open = await evidence(p, { completedAt: null, expiresAt: now + DAY });

    expect(await sweepEvidence(ctx(), now)).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(old)).toEqual(NONE);
    expect(await rowsOf(recent)).toEqual(ALL);
    expect(await rowsOf(open)).toEqual(ALL);
  });

  it("should delete a credit that named no verification once the evidence period has passed, and keep a younger one for staff", async () => {
    const now = Date.now();
    const unmatched = (id: string, receivedAt: number) =>
      env.DB.prepare(
        `insert into incoming_credits (credit_id, livemode, credited_account, amount_fen, payer_name_enc, payer_name_masked, payer_account_masked, remark, booked_at, received_at, outcome, verification_id, reason)
         values (?, 1, '110060149018800012345', 1250, 'v1.x', '杭**', '6222****2345', '货款', ?, ?, 'unmatched', null, null)`,
      )
        .bind(id, receivedAt, receivedAt)
        .run();
    const [old, young] = [fresh("crd_old"), fresh("crd_young")];
    await unmatched(old, now - 1_096 * DAY);
    await unmatched(young, now - 1_094 * DAY);
    await runCron(env, now);
    const left = await env.DB.prepare("select credit_id from incoming_credits where credit_id in (?, ?)").bind(old, young).all<{ credit_id: string }>();
    expect(left.results.map((r) => r.credit_id)).toEqual([young]);
  });

  it("should count a verification never closed as ended when it expired", async () => {
    const { id: p } = await newPartner();
    const now = Date.now();
    const expiredLongAgo = await evidence(p, { completedAt: null, expiresAt: now - 1_096 * DAY });
    const expiredLately = await evidence(p, { completedAt: null, expiresAt: now - 1_094 * DAY });
    await sweepEvidence(ctx(), now);
    expect(await rowsOf(expiredLongAgo)).toEqual(NONE);
    expect(await rowsOf(expiredLately)).toEqual(ALL);
  });

  it("should judge a child verification by its own dates, not its parent's", async () => {
    const { id: p } = await newPartner();
    const now = Date.now();
    const parent = await evidence(p, { completedAt: now - 1_096 * DAY, expiresAt: now - 1_095 * DAY });
    const child = await evidence(p, { completedAt: now - 1_094 * DAY, expiresAt: now - 1_093 * DAY, parentId: parent.id });
    await sweepEvidence(ctx(), now);
    expect(await rowsOf(parent)).toEqual(NONE);
    expect(await rowsOf(child)).toEqual(ALL);
  });

  it("should still refuse to delete the event log or a consent of a verification inside the period", async () => {
    const { id: p } = await newPartner();
    const now = Date.now();
    const recent = await evidence(p, { completedAt: now - 1_094 * DAY, expiresAt: now - 1_093 * DAY });
    const open = await evidence(p, { completedAt: null, expiresAt: now + DAY });
    for (const v of [recent, open]) {
      await expect(env.DB.prepare("delete from verification_events where id = ?").bind(v.event).run()).rejects.toThrow(/verification_events is append-only/);
      await expect(env.DB.prepare("delete from consents where id = ?").bind(v.consent).run()).rejects.toThrow(/consents is append-only/);
      // Aborted as a whole: one row inside the period keeps the rest of the statement from deleting.
      await expect(env.DB.prepare("delete from verification_events where verification_id = ?").bind(v.id).run()).rejects.toThrow(/append-only/);
    }
    expect(await rowsOf(recent)).toEqual(ALL);
    expect(await rowsOf(open)).toEqual(ALL);
  });

  it("should delete at most one batch of verifications per run, the longest-ended first", async () => {
    const { id: p } = await newPartner();
    const now = Date.now();
    const tag = fresh("batch");
    // Ended far longer ago than anything else in this file, so these are the batch; row i ended i ms later than row 0.
    const oldest = now - 5_000 * DAY;
    await env.DB.batch([
      env.DB.prepare(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ?)
         insert into verifications (id, partner_id, livemode, type, status, methods, locale, reference, expires_at, created_at, updated_at, completed_at)
         select ? || '_' || i, ?, 0, 'person', 'verified', '["mobile3"]', 'zh-CN', ?, ? + i, ? + i, ? + i, ? + i from n`,
      ).bind(SWEEP_BATCH + 5, tag, p, tag, oldest + DAY, oldest - DAY, oldest, oldest),
      env.DB.prepare(
        `insert into verification_events (id, verification_id, partner_id, type, actor, created_at)
         select 'evt_' || id, id, partner_id, 'verification.created', 'partner', created_at from verifications where reference = ?`,
      ).bind(tag),
    ]);
    const left = async () => (await env.DB.prepare("select id from verifications where reference = ? order by completed_at").bind(tag).all<{ id: string }>()).results.map((r) => r.id);

    expect(await sweepEvidence(ctx(), now)).toBe(SWEEP_BATCH);
    expect(await left()).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}_${SWEEP_BATCH + i}`));
    const events = await env.DB.prepare("select count(*) as n from verification_events where verification_id like ?").bind(`${tag}_%`).first<{ n: number }>();
    expect(events!.n).toBe(5);
    await sweepEvidence(ctx(), now);
    expect(await left()).toEqual([]);
  });

  it("should run from the scheduled handler", async () => {
    const { id: p } = await newPartner();
    const now = Date.now();
    const old = await evidence(p, { completedAt: now - 2_000 * DAY, expiresAt: now - 1_999 * DAY });
    await runCron(env, now);
    expect(await rowsOf(old)).toEqual(NONE);
  });
});

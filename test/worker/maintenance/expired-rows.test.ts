// The cron steps that delete idempotency replays and sandbox SMS copies older than 24 hours, and
// the sandbox bank's payouts older than 30 days:
// old rows go, young ones stay, and one run deletes at most one batch per table.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runCron } from "../../../src/cron";
import { database } from "../../../src/db/client";
import { SANDBOX_PAYOUT_RETENTION_MS, SWEEP_BATCH, sweepIdempotencyKeys, sweepSandboxSms } from "../../../src/maintenance/expired-rows";

const HOUR = 3_600_000;
const ctx = () => ({ db: database(env.DB) });
/** A partner id no other test in the file uses: each test's rows are its own. */
const freshPartner = () => `ptn_sweep_${crypto.randomUUID().replaceAll("-", "")}`;

/** Inserts `count` done idempotency rows for the partner, keys k0, k1, …, row i created `age + i` ms before `now`. */
async function idempotencyRows(partnerId: string, now: number, age: number, count = 1) {
  await env.DB.prepare(
    `with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ?)
     insert into idempotency_keys (partner_id, livemode, key, request_hash, state, response_status, response_body, created_at)
     select ?, 0, 'k' || i, 'h', 'done', 201, '{}', ? - i from n`,
  )
    .bind(count, partnerId, now - age)
    .run();
}

async function smsRow(partnerId: string, id: string, createdAt: number) {
  await env.DB.prepare("insert into sandbox_sms_messages (id, partner_id, phone_hash, text, created_at) values (?, ?, 'h', '【实名】验证码 123456', ?)").bind(id, partnerId, createdAt).run();
}

async function left(table: "idempotency_keys" | "sandbox_sms_messages", partnerId: string) {
  const rows = await env.DB.prepare(`select ${table === "idempotency_keys" ? "key" : "id"} as k from ${table} where partner_id = ? order by k`)
    .bind(partnerId)
    .all<{ k: string }>();
  return rows.results.map((r) => r.k);
}

describe("expired-row sweeps", () => {
  it("should delete idempotency rows older than 24 hours and keep younger ones", async () => {
    const p = freshPartner();
    const now = Date.now();
    await idempotencyRows(p, now, 25 * HOUR);
    await env.DB.prepare("insert into idempotency_keys (partner_id, livemode, key, request_hash, state, created_at) values (?, 0, 'young', 'h', 'in_progress', ?)")
      .bind(p, now - 23 * HOUR)
      .run();
    expect(await sweepIdempotencyKeys(ctx(), now)).toBeGreaterThanOrEqual(1);
    expect(await left("idempotency_keys", p)).toEqual(["young"]);
  });

  it("should delete sandbox SMS copies older than 24 hours and keep younger ones", async () => {
    const p = freshPartner();
    const now = Date.now();
    await smsRow(p, `${p}_old`, now - 24 * HOUR - 1);
    await smsRow(p, `${p}_young`, now - 24 * HOUR + 60_000);
    expect(await sweepSandboxSms(ctx(), now)).toBeGreaterThanOrEqual(1);
    expect(await left("sandbox_sms_messages", p)).toEqual([`${p}_young`]);
  });

  it("should delete the sandbox bank's payouts older than 30 days, through the scheduled handler, and keep younger ones", async () => {
    const now = Date.now();
    const payout = (reference: string, createdAt: number) =>
      env.DB.prepare("insert into sandbox_payouts (reference, amount_fen, status, created_at) values (?, 37, 'paid', ?)").bind(reference, createdAt).run();
    const id = crypto.randomUUID();
    await payout(`po_old_${id}`, now - SANDBOX_PAYOUT_RETENTION_MS - 1);
    await payout(`po_young_${id}`, now - SANDBOX_PAYOUT_RETENTION_MS + 60_000);
    await runCron(env, now);
    const kept = await env.DB.prepare("select reference from sandbox_payouts where reference like ?").bind(`%${id}`).all<{ reference: string }>();
    expect(kept.results.map((r) => r.reference)).toEqual([`po_young_${id}`]);
  });

  it("should delete at most one batch per run, oldest first", async () => {
    const p = freshPartner();
    const now = Date.now();
    // Far older than anything else in this file, so this partner's rows are the batch.
    await idempotencyRows(p, now, 1000 * HOUR, SWEEP_BATCH + 5);
    expect(await sweepIdempotencyKeys(ctx(), now)).toBe(SWEEP_BATCH);
    // The five left are the youngest: created at now - age - 0 … now - age - 4, keys k0 … k4.
    expect(await left("idempotency_keys", p)).toEqual(["k0", "k1", "k2", "k3", "k4"]);
    await sweepIdempotencyKeys(ctx(), now);
    expect(await left("idempotency_keys", p)).toEqual([]);
  });

  it("should run both sweeps from the scheduled handler", async () => {
    const p = freshPartner();
    const now = Date.now();
    await idempotencyRows(p, now, 25 * HOUR);
    await smsRow(p, `${p}_old`, now - 25 * HOUR);
    await runCron(env, now);
    expect(await left("idempotency_keys", p)).toEqual([]);
    expect(await left("sandbox_sms_messages", p)).toEqual([]);
  });
});

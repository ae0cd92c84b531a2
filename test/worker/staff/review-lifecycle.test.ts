// A business licence's review as the partner and the operator live it, in workerd: the
// verification is requires_review while a person looks (webhook verification.requires_review),
// lives long enough for a weekend's wait, cannot be re-checked underneath the reviewer, and the
// decision is announced (verification.review_decided, with what was decided). A review whose
// verification ended undecided is withdrawn, never decided.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runCron } from "../../../src/cron";
import { AFTER_DECISION_MS, AWAITING_REVIEW_MS } from "../../../src/domain/review/decision";
import { sweepMedia } from "../../../src/media/retention";
import { SANDBOX_ORGANIZATIONS } from "../../../src/providers/sandbox-values";
import { textOf } from "../applicant";
import { ADMIN, call } from "../helpers";
import { events, licence, newReviewer, ORG, pending, review, staffGet, staffPost } from "./licence-review";

const admin = (path: string, body?: unknown) => call(`/admin/v1${path}`, { key: ADMIN, ...(body === undefined ? {} : { body }) });

async function verification(id: string) {
  return (await env.DB.prepare("select status, expires_at, created_at, state from verifications where id = ?")
    .bind(id)
    .first<{ status: string; expires_at: number; created_at: number; state: string }>())!;
}

async function outbox(id: string) {
  const rows = await env.DB.prepare("select type, body from webhook_events where verification_id = ? order by created_at, rowid").bind(id).all<{ type: string; body: string }>();
  return rows.results.map((r) => ({ type: r.type, data: JSON.parse(r.body).data as Record<string, unknown> }));
}

describe("a verification whose licence waits for a person", () => {
  it("should be requires_review, told to the partner, and live three days however late it was sent", async () => {
    const { testKey, v, reviewId } = await pending();
    const row = await verification(v.id);
    expect(row.status).toBe("requires_review");
    expect(row.expires_at - row.created_at).toBeGreaterThanOrEqual(AWAITING_REVIEW_MS);
    const told = (await outbox(v.id)).map((e) => e.type);
    expect(told).toEqual(["verification.created", "verification.requires_review"]);
    const read = await call(`/v1/verifications/${v.id}`, { key: testKey });
    expect(read.json).toMatchObject({ id: v.id, status: "requires_review" });
    const listed = await call("/v1/verifications?status=requires_review", { key: testKey });
    expect((listed.json as { data: { id: string }[] }).data.map((d) => d.id)).toContain(v.id);
    expect((await events(v.id)).find((e) => e.type === "organization.review_requested")?.data).toEqual({ review_id: reviewId });
  });

  it("should not run the registry check again underneath the reviewer: the page keeps waiting and the item stays", async () => {
    const { v, a, reviewId } = await pending();
    const again = await a.post("/organization/check", { ...ORG, org_name: "改过名字有限公司" });
    expect(again.step).toBe("review_pending");
    expect(textOf(again.html)).toContain("营业执照审核中");
    expect(await review(v.id)).toMatchObject({ id: reviewId, status: "pending" });
    expect((await verification(v.id)).status).toBe("requires_review");
    expect((await events(v.id)).filter((e) => e.type === "provider.call")).toHaveLength(1);
  });

  it("should lead from the case, found by the partner's reference, to its review", async () => {
    const { v, reviewId } = await pending();
    const reviewer = await newReviewer("审核员丁");
    const found = await staffGet(`/staff/cases?q=${v.id}`, reviewer.jwt);
    expect(found.html).toContain(`href="/staff/cases/${v.id}"`);
    const page = await staffGet(`/staff/cases/${v.id}`, reviewer.jwt);
    expect(page.html).toMatch(new RegExp(`<li data-review="${reviewId}" data-review-status="pending"><a href="/staff/reviews/${reviewId}">去审核</a>`));
    expect(textOf(page.html)).toContain("business_licence · 待审核");
    // Labels in the page's language; values as the API spells them.
    expect(page.html).toContain("<dt>状态</dt><dd>requires_review</dd>");
    const item = await staffGet(`/staff/reviews/${reviewId}`, reviewer.jwt);
    expect(item.html).toContain("<dt>统一社会信用代码</dt><dd>91330200MA2AAAAA0G</dd>");
    expect(item.html).toContain("<dt>原因</dt><dd>工商登记中查无此企业（组织） (org_not_found)</dd>");
    expect(item.html).not.toContain("<dt>capability</dt>");
    // Its evidence record, as the partner receives it signed: masked, and the look audited.
    expect(page.html).toContain(`href="/staff/cases/${v.id}/evidence"`);
    const evidence = await staffGet(`/staff/cases/${v.id}/evidence`, reviewer.jwt);
    expect(evidence.headers.get("cache-control")).toBe("no-store");
    const record = JSON.parse(evidence.html);
    expect(record).toMatchObject({ sub: v.id, verification: { id: v.id, type: "organization", status: "requires_review" } });
    expect(record.events.map((e: { type: string }) => e.type)).toContain("organization.review_requested");
    expect(evidence.html).not.toContain("李四");
    const looked = await env.DB.prepare("select action from staff_audit where object_id = ? and action = 'evidence.viewed'").bind(v.id).all();
    expect(looked.results).toHaveLength(1);
  });

  it("should announce an approval with the review, give the operator a day to go on, and go back to in_progress", async () => {
    const { v, a, reviewId } = await pending();
    const reviewer = await newReviewer("审核员甲");
    await staffPost(`/staff/reviews/${reviewId}/claim`, reviewer.jwt);
    const before = await verification(v.id);
    expect((await staffPost(`/staff/reviews/${reviewId}/decision`, reviewer.jwt, { decision: "approve" })).status).toBe(303);
    const after = await verification(v.id);
    expect(after.status).toBe("in_progress");
    expect(after.expires_at).toBeGreaterThanOrEqual(before.expires_at);
    expect(after.expires_at - Date.now()).toBeGreaterThan(AFTER_DECISION_MS - 60_000);
    const told = await outbox(v.id);
    expect(told.map((e) => e.type)).toEqual(["verification.created", "verification.requires_review", "verification.review_decided"]);
    expect(told[2]!.data).toMatchObject({ id: v.id, status: "in_progress", type: "organization", review: { id: reviewId, decision: "approved", reason: null } });
    expect((await a.open()).step).toBe("operator_role");
  });

  it("should announce a rejection with its reason; a new check then answers for itself, not the old rejection", async () => {
    const { v, a, reviewId } = await pending();
    const decided = await admin(`/reviews/${reviewId}/decision`, { decision: "reject", reason: "licence_unreadable", note: "模糊" });
    expect(decided.status).toBe(200);
    const told = await outbox(v.id);
    expect(told.at(-1)).toMatchObject({ type: "verification.review_decided", data: { status: "in_progress", review: { id: reviewId, decision: "rejected", reason: "licence_unreadable" } } });
    expect((await a.open()).html).toContain('data-reason="review_licence_unreadable"');

    const checked = await a.post("/organization/check", ORG);
    expect(checked.html).toContain('data-reason="org_not_found"');
    expect(checked.html).not.toContain("review_licence_unreadable");
    const reload = await a.open();
    expect(reload.html).not.toContain("review_licence_unreadable");
    expect(JSON.parse((await verification(v.id)).state).data).toMatchObject({ review_rejected: "" });
    // And the licence may be sent again: a second review, told again.
    expect((await a.post("/organization/licence", { ...ORG, business_licence: licence() })).step).toBe("review_pending");
    expect((await outbox(v.id)).at(-1)?.type).toBe("verification.requires_review");
  });
});

describe("a decision whose flow move was lost", () => {
  it("should be moved again by the cron, once, the partner told", async () => {
    const { v, a, reviewId } = await pending();
    const reviewer = await newReviewer("审核员庚");
    // The review decided, the Worker stopped before the flow moved.
    await env.DB.prepare("update reviews set status = 'approved', decision = 'approve', decided_by = ?, decided_at = ?, object_key = null where id = ?")
      .bind(reviewer.id, Date.now() - 120_000, reviewId)
      .run();
    expect((await verification(v.id)).status).toBe("requires_review");
    await runCron(env, Date.now());
    expect((await verification(v.id)).status).toBe("in_progress");
    expect((await a.open()).step).toBe("operator_role");
    const checked = (await events(v.id)).filter((e) => e.type === "organization.checked");
    expect(checked).toHaveLength(1);
    expect(checked[0]).toMatchObject({ actor: "staff", data: { review_id: reviewId, reviewer_id: reviewer.id, reviewer_name: "审核员庚" } });
    await runCron(env, Date.now());
    expect((await events(v.id)).filter((e) => e.type === "organization.checked")).toHaveLength(1);
    expect((await outbox(v.id)).filter((e) => e.type === "verification.review_decided")).toHaveLength(1);
  });
});

describe("a review whose verification ended undecided", () => {
  it("should be withdrawn by the cron, its licence deleted, and refused a decision in words", async () => {
    const { testKey, v, reviewId, row } = await pending();
    expect((await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST" })).json).toMatchObject({ status: "canceled" });
    await runCron(env, Date.now());
    expect(await review(v.id)).toMatchObject({ id: reviewId, status: "withdrawn", object_key: null });
    await sweepMedia({ db: (await import("../../../src/db/client")).database(env.DB), env, retentionMs: 86_400_000 }, Date.now());
    expect(await env.IMAGES.get(String(row.object_key))).toBeNull();
    const refused = await admin(`/reviews/${reviewId}/decision`, { decision: "approve" });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ detail: `Review ${reviewId} was withdrawn: its verification ended before a decision.` });
    const queue = await admin("/reviews");
    expect((queue.json as { data: { id: string }[] }).data.map((d) => d.id)).not.toContain(reviewId);
  });

  it("should withdraw at once an item whose verification expired unswept when a reviewer decides it", async () => {
    const { v, reviewId } = await pending();
    await env.DB.prepare("update verifications set expires_at = ? where id = ?")
      .bind(Date.now() - 1000, v.id)
      .run();
    const reviewer = await newReviewer("审核员乙");
    await staffPost(`/staff/reviews/${reviewId}/claim`, reviewer.jwt);
    const refused = await staffPost(`/staff/reviews/${reviewId}/decision`, reviewer.jwt, { decision: "approve" });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain("已撤回：认证在审核前已结束");
    expect((await verification(v.id)).status).toBe("expired");
    expect(await review(v.id)).toMatchObject({ status: "withdrawn" });
    expect((await staffGet(`/staff/reviews/${reviewId}`, reviewer.jwt)).html).toContain("已撤回");
    expect(SANDBOX_ORGANIZATIONS.notFoundName).toBe(ORG.org_name);
  });
});

// The business licence path and the review queue, in workerd: an organization the sandbox registry
// does not know (查无此企业有限公司) sends its licence for review; the file is checked by its bytes
// and kept in R2 until the decision; reviewers claim (a claim lapses), approve or reject; two
// decisions at once have one winner; the operator API decides the same way; every step is audited.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { database } from "../../../src/db/client";
import { sweepMedia } from "../../../src/media/retention";
import { SANDBOX_ORGANIZATIONS } from "../../../src/providers/sandbox-values";
import { Applicant, textOf, uniquePhone } from "../applicant";
import { ADMIN, call, newPartner, newVerification } from "../helpers";
import { auditOf, events, licence, newReviewer, ORG, PNG, pending, review, staffGet, staffPost } from "./licence-review";

describe("the business licence for an organization the registry does not know", () => {
  it("should offer the licence beside the registry's answer, then wait for a person's review", async () => {
    const { v, a, notFound, sent, row } = await pending();
    expect(notFound.status).toBe(422);
    expect(notFound.html).toContain('data-reason="org_not_found"');
    expect(notFound.html).toContain('name="business_licence"');
    expect(notFound.html).toMatch(/formaction="\/v\/ver_\w+\/organization\/licence"/);
    expect(notFound.html).toContain('enctype="multipart/form-data"');
    expect(textOf(notFound.html)).toContain("上传营业执照，人工审核");

    expect(sent.step).toBe("review_pending");
    expect(textOf(sent.html)).toContain("营业执照审核中");
    expect(textOf(sent.html)).toContain("4 个工作小时");
    expect(sent.html).toContain('hx-trigger="every 5s"');
    expect(row).toMatchObject({ status: "pending", kind: "business_licence", content_type: "image/png" });
    expect(String(row.object_key)).toMatch(new RegExp(`^licences/${v.id}/[0-9A-Za-z]{32}$`));
    expect(await env.IMAGES.get(String(row.object_key))).not.toBeNull();
    const stored = await env.DB.prepare("select state, org_name, org_legal_rep_name_masked, org_legal_rep_name_enc from verifications where id = ?").bind(v.id).first<Record<string, string>>();
    expect(JSON.parse(stored?.state ?? "{}")).toMatchObject({ kind: "preamble", step: "org_check", data: { review_id: row.id } });
    expect(stored).toMatchObject({ org_name: SANDBOX_ORGANIZATIONS.notFoundName });
    expect(stored!.org_legal_rep_name_masked).toMatch(/\*/);
    expect(stored!.org_legal_rep_name_enc).toBeTruthy();
    expect((await events(v.id)).find((e) => e.type === "review.requested")?.data).toMatchObject({ review_id: row.id, registry_reason: "org_not_found" });
    expect((await a.open()).step).toBe("review_pending");
  });

  it("should refuse a file that is not a licence, or too big, next to the field, keeping what was typed", async () => {
    const { testKey } = await newPartner("宁波产权");
    const v = await newVerification(testKey, { type: "organization", methods: ["legal_rep_personal"] });
    const a = new Applicant(v.id);
    await a.signIn(testKey, uniquePhone());
    await a.post("/organization/check", ORG);
    const wrong = await a.post("/organization/licence", { ...ORG, business_licence: licence(new TextEncoder().encode("<html>not a licence</html>"), "image/png") });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('id="f-business_licence-error"');
    expect(textOf(wrong.html)).toContain("须为 JPEG、PNG 或 PDF 文件");
    expect(wrong.html).toMatch(new RegExp(`<input[^>]*id="f-org_name"[^>]*value="${SANDBOX_ORGANIZATIONS.notFoundName}"`));
    expect(wrong.html).toMatch(/<input[^>]*id="f-credential_code"[^>]*value="91330200MA2AAAAA0G"/);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG.subarray(0, 8));
    const tooBig = await a.post("/organization/licence", { ...ORG, business_licence: licence(big) });
    expect(tooBig.status).toBe(422);
    expect(textOf(tooBig.html)).toContain("超过 10 MB");
    expect(await review(v.id)).toBeNull();
  });
});

describe("the licence in R2", () => {
  it("should be kept past the media retention while the review waits, and deleted once the verification ends", async () => {
    const { v, testKey, row, reviewId } = await pending();
    const key = String(row.object_key);
    const ctx = { db: database(env.DB), env, retentionMs: 24 * 3_600_000 };
    await sweepMedia(ctx, Date.now() + 25 * 3_600_000);
    expect(await env.IMAGES.head(key)).not.toBeNull();
    await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST" });
    await sweepMedia(ctx, Date.now());
    expect(await env.IMAGES.head(key)).toBeNull();
    expect((await call("/admin/v1/reviews", { key: ADMIN })).json.data.map((r: { id: string }) => r.id)).not.toContain(reviewId);
  });
});

describe("the review queue", () => {
  it("should let one reviewer claim an item, keep others from deciding it until the claim lapses, and audit each step", async () => {
    const { reviewId } = await pending();
    const first = await newReviewer("审核员甲");
    const second = await newReviewer("审核员乙");
    const queue = await staffGet("/staff/reviews", first.jwt);
    expect(queue.status).toBe(200);
    expect(queue.html).toContain(`data-review="${reviewId}"`);
    expect(queue.html).toContain('data-clock="ok"');

    expect(await staffPost(`/staff/reviews/${reviewId}/claim`, first.jwt)).toMatchObject({ status: 303, location: `/staff/reviews/${reviewId}` });
    const seen = await staffGet(`/staff/reviews/${reviewId}`, second.jwt);
    expect(seen.html).toContain('data-holder="other"');
    expect(textOf(seen.html)).toContain("审核员甲 已认领");
    expect((await staffPost(`/staff/reviews/${reviewId}/claim`, second.jwt)).status).toBe(409);
    const refused = await staffPost(`/staff/reviews/${reviewId}/decision`, second.jwt, { decision: "approve" });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('data-refusal="claimed_by_other"');
    expect((await staffGet("/staff/reviews", second.jwt)).html).toMatch(/data-review="[^"]+"[\s\S]*?审核员甲/);

    // Thirty minutes later the claim has lapsed: anyone may take it.
    await env.DB.prepare("update reviews set claimed_until = ? where id = ?")
      .bind(Date.now() - 1, reviewId)
      .run();
    expect((await staffPost(`/staff/reviews/${reviewId}/decision`, first.jwt, { decision: "approve" })).status).toBe(409);
    expect((await staffPost(`/staff/reviews/${reviewId}/claim`, second.jwt)).status).toBe(303);
    expect((await auditOf(reviewId)).map((r) => [r.staff_id, r.action])).toEqual([
      [first.id, "review.claimed"],
      [second.id, "review.claimed"],
    ]);
  });

  it("should show the licence and the registry's answer, then approve: who is acting next, the reviewer named, the licence deleted", async () => {
    const { v, a, reviewId, row } = await pending();
    const reviewer = await newReviewer("审核员丙");
    await staffPost(`/staff/reviews/${reviewId}/claim`, reviewer.jwt);
    const page = await staffGet(`/staff/reviews/${reviewId}`, reviewer.jwt);
    expect(page.html).toContain(`src="/staff/reviews/${reviewId}/licence"`);
    expect(textOf(page.html)).toContain(SANDBOX_ORGANIZATIONS.notFoundName);
    expect(textOf(page.html)).toContain("org_not_found");
    const file = await staffGet(`/staff/reviews/${reviewId}/licence`, reviewer.jwt);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("cache-control")).toBe("no-store");

    const decided = await staffPost(`/staff/reviews/${reviewId}/decision`, reviewer.jwt, { decision: "approve", note: "执照清晰" });
    expect(decided).toMatchObject({ status: 303, location: "/staff/reviews" });
    expect(await review(v.id)).toMatchObject({ status: "approved", decision: "approve", decided_by: reviewer.id, object_key: null, note: "执照清晰" });
    expect(await env.IMAGES.get(String(row.object_key))).toBeNull();
    expect((await staffGet(`/staff/reviews/${reviewId}/licence`, reviewer.jwt)).status).toBe(404);
    expect((await a.open()).step).toBe("operator_role");
    const checked = (await events(v.id)).find((e) => e.type === "organization.checked");
    expect(checked).toMatchObject({ actor: "staff", data: { review_id: reviewId, decided_by: "person", reviewer_id: reviewer.id, reviewer_name: "审核员丙", basis: "business_licence" } });
    const at = await env.DB.prepare("select org_checked_at from verifications where id = ?").bind(v.id).first<{ org_checked_at: number | null }>();
    expect(at?.org_checked_at).toBeGreaterThan(0);
    expect((await auditOf(reviewId)).map((r) => r.action)).toEqual(["review.claimed", "licence.viewed", "review.approved"]);
    expect((await staffGet(`/staff/reviews`, reviewer.jwt)).html).not.toContain(`data-review="${reviewId}"`);
  });

  it("should reject with a reason the operator reads on the form, which can be sent again", async () => {
    const { v, a, reviewId, row } = await pending();
    const reviewer = await newReviewer("审核员丁");
    await staffPost(`/staff/reviews/${reviewId}/claim`, reviewer.jwt);
    expect((await staffPost(`/staff/reviews/${reviewId}/decision`, reviewer.jwt, { decision: "reject" })).status).toBe(422);
    // A letter's reason is not a licence's: refused next to the form, the licence kept.
    const wrongKind = await staffPost(`/staff/reviews/${reviewId}/decision`, reviewer.jwt, { decision: "reject", reason: "letter_not_stamped" });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.html).toContain('data-refusal="reason_not_of_kind"');
    expect(await env.IMAGES.get(String(row.object_key))).not.toBeNull();
    expect((await staffPost(`/staff/reviews/${reviewId}/decision`, reviewer.jwt, { decision: "reject", reason: "name_or_code_mismatch", note: "代码不符" })).status).toBe(303);
    expect(await env.IMAGES.get(String(row.object_key))).toBeNull();
    const form = await a.open();
    expect(form.step).toBe("org_check");
    expect(form.html).toContain('data-reason="review_name_or_code_mismatch"');
    expect(textOf(form.html)).toContain("企业名称或统一社会信用代码与填写的不一致");
    expect(form.html).toContain('name="business_licence"');
    const state = await env.DB.prepare("select state from verifications where id = ?").bind(v.id).first<{ state: string }>();
    expect(JSON.parse(state!.state).data).toMatchObject({ review_id: "", review_rejected: "name_or_code_mismatch" });
    expect((await auditOf(reviewId)).at(-1)).toMatchObject({ action: "review.rejected", data: { reason: "name_or_code_mismatch" } });
    const again = await a.post("/organization/licence", { ...ORG, business_licence: licence() });
    expect(again.step).toBe("review_pending");
  });
});

describe("the operator API's reviews", () => {
  const admin = (path: string, body?: unknown) => call(`/admin/v1${path}`, { key: ADMIN, ...(body === undefined ? {} : { body }) });

  it("should list pending items and decide one, the decision audited", async () => {
    const { a, reviewId } = await pending();
    const list = await admin("/reviews");
    expect(list.status).toBe(200);
    expect(list.json.data.map((r: { id: string }) => r.id)).toContain(reviewId);
    const bad = await admin(`/reviews/${reviewId}/decision`, { decision: "reject" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const ok = await admin(`/reviews/${reviewId}/decision`, { decision: "approve", note: "automation" });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id: reviewId, object: "review", status: "approved", decision: "approve" });
    expect((await a.open()).step).toBe("operator_role");
    expect((await auditOf(reviewId)).map((r) => [r.staff_id, r.action])).toEqual([["operator_api", "review.approved"]]);
    expect((await admin(`/reviews/${reviewId}/decision`, { decision: "approve" })).status).toBe(409);
    expect((await admin(`/reviews/rev_nope/decision`, { decision: "approve" })).status).toBe(404);
  });

  it("should let exactly one of two decisions at once win", async () => {
    const { v, reviewId } = await pending();
    const [one, two] = await Promise.all([admin(`/reviews/${reviewId}/decision`, { decision: "approve" }), admin(`/reviews/${reviewId}/decision`, { decision: "reject", reason: "other" })]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const won = one.status === 200 ? "approved" : "rejected";
    expect((await review(v.id))?.status).toBe(won);
    expect((await auditOf(reviewId)).length).toBe(1);
  });

  it("should refuse a decision on an item a staff member holds", async () => {
    const { reviewId } = await pending();
    const reviewer = await newReviewer("审核员戊");
    await staffPost(`/staff/reviews/${reviewId}/claim`, reviewer.jwt);
    const held = await admin(`/reviews/${reviewId}/decision`, { decision: "approve" });
    expect(held.status).toBe(409);
    const [one, two] = await Promise.all([
      staffPost(`/staff/reviews/${reviewId}/decision`, reviewer.jwt, { decision: "approve" }),
      staffPost(`/staff/reviews/${reviewId}/decision`, reviewer.jwt, { decision: "reject", reason: "other" }),
    ]);
    expect([one.status, two.status].sort()).toEqual([303, 409]);
  });
});

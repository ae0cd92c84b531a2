// The forward corporate transfer (正向打款) through the hosted pages on the flow engine: the
// corporate account, the sandbox payout settled through the test helper, the amount typed back
// (three wrong ends the method), and the stamped letter reviewed through the operator API. Both
// parts holding, the organization is verified.
import { env } from "cloudflare:workers";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { SANDBOX_ACCOUNT_SUFFIXES, TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, textOf, uniquePhone } from "../applicant";
import { runCron } from "../../../src/cron";
import { ADMIN, call, newPartner, newVerification } from "../helpers";

const DAY = 86_400_000;

const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: TEST_IDENTITIES[1].name };
const ACCOUNT = { account_number: "3100 1234 5678 9012", bank: "105", branch_code: "105331000018", consent: "yes" };
const PDF = new File([new TextEncoder().encode("%PDF-1.4\n% stamped letter\n")], "letter.pdf", { type: "application/pdf" });

async function atAccount() {
  const { testKey } = await newPartner("宁波产权");
  const v = await newVerification(testKey, { type: "organization", methods: ["transfer_forward", "transfer_reverse"] });
  const a = new Applicant(v.id);
  await a.signIn(testKey, uniquePhone());
  await a.post("/organization/check", { consent: "yes", ...ORG });
  await a.post("/organization/role", { role: "agent" });
  const form = await a.post("/method", { method: "transfer_forward" });
  return { testKey, v, a, form };
}

const api = (key: string, id: string) => call(`/v1/verifications/${id}`, { key });
const payout = (key: string, id: string) => call(`/v1/test_helpers/verifications/${id}/payout`, { key });
const settle = (key: string, id: string, outcome: string) => call(`/v1/test_helpers/verifications/${id}/payout/settle`, { key, body: { outcome } });

async function eventTypes(id: string) {
  const rows = await env.DB.prepare("select type from verification_events where verification_id = ? order by created_at, rowid").bind(id).all<{ type: string }>();
  return rows.results.map((r) => r.type);
}

describe("transfer_forward: the corporate account", () => {
  it("should show the organization's name as the account's, refuse each bad field in its own words and keep what was typed", async () => {
    const { form, a } = await atAccount();
    expect(form.step).toBe("corporate_account");
    expect(form.html).toMatch(/data-account-name[^>]*>宁波测试科技有限公司</);
    expect(textOf(form.html)).toContain("开户许可证");
    const bad = await a.post("/transfer/account", { account_number: "12ab", bank: "", branch_code: "10233100001" });
    expect(bad.status).toBe(422);
    for (const field of ["account_number", "bank", "branch_code", "consent"]) expect(bad.html, field).toContain(`id="f-${field}-error"`);
    expect(bad.html).toMatch(/id="f-account_number"[^>]*value="12ab"/);
    const otherBank = await a.post("/transfer/account", { ...ACCOUNT, branch_code: "102331000018" });
    expect(otherBank.status).toBe(422);
    expect(textOf(otherBank.html)).toContain("开户银行联行号不属于所选的开户银行");
    expect(otherBank.html).toMatch(/<option value="105" selected/);
  });

  it("should say at once when the bank refuses the account, count the payout, and keep the form", async () => {
    const { a, v, testKey } = await atAccount();
    const refused = await a.post("/transfer/account", { ...ACCOUNT, account_number: `31001234${SANDBOX_ACCOUNT_SUFFIXES.nameMismatch}` });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('data-reason="account_name_mismatch"');
    expect(textOf(refused.html)).toContain("还可以发起 2 次打款");
    const down = await a.post("/transfer/account", { ...ACCOUNT, account_number: `31001234${SANDBOX_ACCOUNT_SUFFIXES.unavailable}` });
    expect(down.html).toContain('data-reason="provider_unavailable"');
    expect(textOf(down.html)).toContain("还可以发起 2 次打款");
    expect((await api(testKey, v.id)).json.transfer).toMatchObject({ direction: "forward", status: "payout_failed" });
  });
});

describe("transfer_forward: payout, amount and letter", () => {
  it("should pay, show the payout live, take the amount and the approved letter, and verify the organization", async () => {
    const { a, v, testKey } = await atAccount();
    const requested = await a.post("/transfer/account", ACCOUNT);
    expect(requested.step).toBe("transfer_confirmation");
    expect(requested.html).toContain('data-payout="requested"');
    expect(requested.html).toMatch(/3100\*+9012/);
    expect(requested.html).not.toContain("3100123456789012");
    expect(requested.html).toMatch(/hx-trigger="every 5s"/);
    const row = await env.DB.prepare("select transfer, corporate_account_enc from verifications where id = ?").bind(v.id).first<{ transfer: string; corporate_account_enc: string }>();
    expect(row!.corporate_account_enc).toMatch(/^v1\./);
    expect(row!.transfer).not.toContain("3100123456789012");
    const sent = await payout(testKey, v.id);
    expect(sent.json).toMatchObject({ status: "requested" });
    expect(sent.json.amount).toMatch(/^0\.[1-9]\d$/);
    expect(row!.transfer).not.toContain(`"${sent.json.amount}"`);
    const before = (await api(testKey, v.id)).json;
    expect(before.transfer).toMatchObject({ direction: "forward", status: "payout_requested", tries_left: 3, letter: { status: "none", reason: null } });
    expect(JSON.stringify(before)).not.toContain(sent.json.amount);

    // Before the bank paid there is no amount to type: a stray post changes nothing.
    const early = await a.post("/transfer/amount", { amount: sent.json.amount });
    expect(early.html).toContain('data-payout="requested"');

    expect((await settle(testKey, v.id, "paid")).json).toMatchObject({ status: "paid" });
    const paid = await a.open();
    expect(paid.html).toContain('data-payout="paid"');
    expect(textOf(paid.html)).toContain("还可以尝试 3 次");
    expect((await api(testKey, v.id)).json.transfer).toMatchObject({ status: "awaiting_amount" });

    const wrong = sent.json.amount === "0.11" ? "0.12" : "0.11";
    const typo = await a.post("/transfer/amount", { amount: "37" });
    expect(typo.html).toContain("0.01 至 0.99");
    const once = await a.post("/transfer/amount", { amount: wrong });
    expect(once.status).toBe(422);
    expect(textOf(once.html)).toContain("金额不正确，还可以尝试 2 次");
    expect(once.html).toContain(`value="${wrong}"`);

    const letter = await a.post("/transfer/letter", { authorization_letter: PDF });
    expect(letter.html).toContain('data-letter="pending"');
    const waiting = (await api(testKey, v.id)).json;
    expect(waiting.status).toBe("requires_review");
    expect(waiting.transfer.letter).toEqual({ status: "pending", reason: null });

    const reviewId = (await env.DB.prepare("select id from reviews where verification_id = ? and kind = 'authorization_letter'").bind(v.id).first<{ id: string }>())!.id;
    // A licence's reason is refused for a letter, naming the letter's, and decides nothing.
    const wrongKind = await call(`/admin/v1/reviews/${reviewId}/decision`, { key: ADMIN, body: { decision: "reject", reason: "not_a_business_licence" } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.errors).toEqual([expect.objectContaining({ path: "reason", code: "invalid_value" })]);
    expect(wrongKind.json.detail).toContain("letter_not_stamped");
    expect((await api(testKey, v.id)).json.transfer.letter).toEqual({ status: "pending", reason: null });
    const rejected = await call(`/admin/v1/reviews/${reviewId}/decision`, { key: ADMIN, body: { decision: "reject", reason: "letter_not_stamped" } });
    expect(rejected.status).toBe(200);
    const again = await a.open();
    expect(again.html).toContain('data-reason="letter_not_stamped"');
    expect(textOf(again.html)).toContain("未加盖企业公章");
    expect((await api(testKey, v.id)).json.transfer.letter).toEqual({ status: "rejected", reason: "letter_not_stamped" });

    await a.post("/transfer/letter", { authorization_letter: PDF });
    const second = (await env.DB.prepare("select id from reviews where verification_id = ? and status = 'pending'").bind(v.id).first<{ id: string }>())!.id;
    expect((await call(`/admin/v1/reviews/${second}/decision`, { key: ADMIN, body: { decision: "approve" } })).status).toBe(200);
    expect((await api(testKey, v.id)).json).toMatchObject({ status: "in_progress", transfer: { letter: { status: "approved" }, tries_left: 2 } });

    const done = await a.post("/transfer/amount", { amount: ` ¥${sent.json.amount} ` });
    expect(done.step).toBe("result");
    const verified = (await api(testKey, v.id)).json;
    expect(verified).toMatchObject({ status: "verified", method: "transfer_forward", transfer: { status: "confirmed", letter: { status: "approved" } } });
    const after = await env.DB.prepare("select corporate_account_enc from verifications where id = ?").bind(v.id).first<{ corporate_account_enc: string | null }>();
    expect(after!.corporate_account_enc).toBeNull();
    const types = await eventTypes(v.id);
    for (const type of [
      "transfer.payout_requested",
      "transfer.payout_updated",
      "transfer.amount_wrong",
      "transfer.letter_sent",
      "transfer.letter_rejected",
      "transfer.letter_approved",
      "transfer.amount_confirmed",
      "verification.verify",
    ])
      expect(types, type).toContain(type);
    // The partner is told: the letter waiting, each decision with its reason, and the end.
    const hooks = await env.DB.prepare("select type, body from webhook_events where verification_id = ? order by created_at, rowid").bind(v.id).all<{ type: string; body: string }>();
    const told = hooks.results.map((h) => [h.type, JSON.parse(h.body).data.review ?? null]);
    expect(told.filter(([type]) => type !== "verification.created")).toEqual([
      ["verification.requires_review", null],
      ["verification.review_decided", expect.objectContaining({ decision: "rejected", reason: "letter_not_stamped" })],
      ["verification.requires_review", null],
      ["verification.review_decided", expect.objectContaining({ decision: "approved", reason: null })],
      ["verification.verified", null],
    ]);
    // The signed evidence names each payout and the letter's decisions, the account masked and the amount never.
    const record = decodeJwt((await call(`/v1/verifications/${v.id}/evidence`, { key: testKey })).json.jws as string) as { events: { type: string; data: Record<string, unknown> }[] };
    const of = (type: string) => record.events.filter((e) => e.type === type).map((e) => e.data);
    expect(of("provider.call")).toContainEqual(expect.objectContaining({ capability: "payout", outcome: "requested", account: expect.stringMatching(/^3100\*+9012$/), branch_code: "105331000018" }));
    expect(of("transfer.payout_updated")).toContainEqual(expect.objectContaining({ from: "requested", status: "paid" }));
    const decisions = [...of("transfer.letter_rejected"), ...of("transfer.letter_approved")];
    expect(decisions).toEqual([
      expect.objectContaining({ reason: "letter_not_stamped", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      expect.objectContaining({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    const text = JSON.stringify(record);
    expect(text).not.toContain("3100123456789012");
    expect(text).not.toContain(`"${sent.json.amount}"`);
  });

  it("should end the method after three wrong amounts, count one attempt, and pay again once", async () => {
    const { a, v, testKey } = await atAccount();
    await a.post("/transfer/account", ACCOUNT);
    const { amount } = (await payout(testKey, v.id)).json;
    await settle(testKey, v.id, "paid");
    const wrong = amount === "0.11" ? "0.12" : "0.11";
    await a.post("/transfer/amount", { amount: wrong });
    await a.post("/transfer/amount", { amount: wrong });
    const third = await a.post("/transfer/amount", { amount: wrong });
    expect(third.html).toContain('data-money="tries_used"');
    expect((await api(testKey, v.id)).json).toMatchObject({ status: "in_progress", failed_attempts: 1, transfer: { status: "tries_used", tries_left: 0 } });
    expect((await a.post("/transfer/amount", { amount })).step).toBe("transfer_confirmation");
    expect((await api(testKey, v.id)).json.transfer.status).toBe("tries_used");

    const renewed = await a.post("/transfer/payout", {});
    expect(renewed.html).toContain('data-payout="requested"');
    const fresh = (await payout(testKey, v.id)).json;
    expect(fresh.status).toBe("requested");
    await settle(testKey, v.id, "paid");
    const wrongAgain = fresh.amount === "0.11" ? "0.12" : "0.11";
    for (let i = 0; i < 3; i++) await a.post("/transfer/amount", { amount: wrongAgain });
    const over = await a.open();
    expect(over.html).toContain('data-money="tries_used"');
    expect(over.html).not.toContain("/transfer/payout");
  });

  it("should give the amount 7 days from the payout, then expire the verification through the cron and drop the account", async () => {
    const { a, v, testKey } = await atAccount();
    await a.post("/transfer/account", ACCOUNT);
    await a.post("/transfer/letter", { authorization_letter: PDF });
    const settledAt = Date.now();
    await settle(testKey, v.id, "paid");
    const open = (await api(testKey, v.id)).json;
    const expiresAt = Date.parse(open.transfer.expires_at);
    expect(Date.parse(open.expires_at)).toBe(expiresAt);
    expect(expiresAt - settledAt).toBeGreaterThan(7 * DAY - 60_000);
    expect(expiresAt - settledAt).toBeLessThanOrEqual(7 * DAY + 60_000);
    expect(textOf((await a.open()).html)).toMatch(/还可以尝试 3 次，剩余 (7 天 0|6 天 23) 小时/);

    await runCron(env, expiresAt - 60_000);
    expect((await api(testKey, v.id)).json.status).toBe("requires_review");
    await runCron(env, expiresAt + 1);
    const ended = (await api(testKey, v.id)).json;
    expect(ended).toMatchObject({ status: "expired" });
    expect(await eventTypes(v.id)).toContain("verification.expire");
    const row = await env.DB.prepare("select corporate_account_enc from verifications where id = ?").bind(v.id).first<{ corporate_account_enc: string | null }>();
    expect(row!.corporate_account_enc).toBeNull();
    const review = await env.DB.prepare("select status from reviews where verification_id = ?").bind(v.id).first<{ status: string }>();
    expect(review!.status).toBe("withdrawn");
  });

  it("should show a payout returned after it was paid, and let the operator correct the account", async () => {
    const { a, v, testKey } = await atAccount();
    await a.post("/transfer/account", ACCOUNT);
    await settle(testKey, v.id, "paid");
    await settle(testKey, v.id, "refunded");
    const returned = await a.open();
    expect(returned.html).toContain('data-money="failed"');
    expect(textOf(returned.html)).toContain("被银行退回");
    expect(returned.html).toMatch(/<option value="105" selected/);
    expect((await api(testKey, v.id)).json.transfer.status).toBe("payout_failed");
    const corrected = await a.post("/transfer/account", { ...ACCOUNT, account_number: "310012345678777" });
    expect(corrected.html).toContain('data-payout="requested"');
    expect((await payout(testKey, v.id)).json.status).toBe("requested");
  });

  it("should refuse a letter of each wrong kind next to its field", async () => {
    const { a, v, testKey } = await atAccount();
    await a.post("/transfer/account", ACCOUNT);
    const html = await a.post("/transfer/letter", { authorization_letter: new File(["<html></html>"], "letter.jpg", { type: "image/jpeg" }) });
    expect(html.status).toBe(422);
    expect(textOf(html.html)).toContain("盖章授权书须为 JPEG、PNG 或 PDF 文件");
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-"));
    const large = await a.post("/transfer/letter", { authorization_letter: new File([big], "big.pdf", { type: "application/pdf" }) });
    expect(textOf(large.html)).toContain("超过 10 MB");
    const empty = await a.post("/transfer/letter", { authorization_letter: new File([], "none.pdf") });
    expect(textOf(empty.html)).toContain("请选择盖章授权书文件");
    expect((await api(testKey, v.id)).json.transfer.letter.status).toBe("none");
  });

  it("should serve the prefilled letter to print as a PDF to the signed-in operator only", async () => {
    const { a, v } = await atAccount();
    await a.post("/transfer/account", ACCOUNT);
    const pdf = await a.visit(`/v/${v.id}/transfer/letter.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.html.startsWith("%PDF-")).toBe(true);
    const stranger = await new Applicant(v.id).visit(`/v/${v.id}/transfer/letter.pdf`);
    expect(stranger.status).not.toBe(200);
  });
});

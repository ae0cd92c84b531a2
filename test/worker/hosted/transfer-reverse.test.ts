// The reverse corporate transfer (反向打款): the instructions with this verification's remark code,
// the credit matched by itself (through the test helper and through the signed ingest), the wrong
// payer or amount refused, a credit told twice stored once, one matching nothing kept for staff.
import { env } from "cloudflare:workers";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { SANDBOX_RECEIVING_ACCOUNT, TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { signIngest } from "../../../src/transfer/ingest-signature";
import { Applicant, textOf, uniquePhone } from "../applicant";
import { BASE, call, newPartner, newVerification } from "../helpers";
import { staffGet, staffPost } from "../staff/licence-review";
import { staffMember } from "../staff/sign-in";
import { exports } from "cloudflare:workers";

const worker = (exports as unknown as { default: Fetcher }).default;
const SECRET = "ingest_test_secret_for_vitest_only";
const ORG = { org_name: "宁波测试科技（集团）有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: TEST_IDENTITIES[1].name };
const PDF = new File([new TextEncoder().encode("%PDF-1.4\n% stamped letter\n")], "letter.pdf", { type: "application/pdf" });

async function atReverse() {
  const { testKey } = await newPartner("宁波产权");
  const v = await newVerification(testKey, { type: "organization", methods: ["transfer_forward", "transfer_reverse"] });
  const a = new Applicant(v.id);
  await a.signIn(testKey, uniquePhone());
  await a.post("/organization/check", { consent: "yes", ...ORG });
  await a.post("/organization/role", { role: "legal_representative" });
  const page = await a.post("/method", { method: "transfer_reverse" });
  const remark = /data-pay="pay-remark"[^>]*>(SM[0-9A-Z]{8})</.exec(page.html)?.[1] ?? "";
  return { testKey, v, a, page, remark };
}

const api = (key: string, id: string) => call(`/v1/verifications/${id}`, { key });
const credit = (key: string, id: string, body: Record<string, string> = {}) => call(`/v1/test_helpers/verifications/${id}/incoming_credit`, { key, body });

async function ingest(body: unknown, opts: { secret?: string; at?: number; header?: string } = {}) {
  const raw = JSON.stringify(body);
  const header = opts.header ?? (await signIngest(opts.secret ?? SECRET, Math.floor((opts.at ?? Date.now()) / 1000), raw));
  const res = await worker.fetch(new Request(`${BASE}/v1/ingest/credits`, { method: "POST", body: raw, headers: { "content-type": "application/json", "shiming-signature": header } }));
  return { status: res.status, type: res.headers.get("content-type"), json: (await res.json()) as Record<string, any> };
}

const entry = (remark: string, patch: Record<string, unknown> = {}) => ({
  credit_id: `bank_${crypto.randomUUID()}`,
  credited_account: SANDBOX_RECEIVING_ACCOUNT.accountNumber,
  amount: "0.01",
  payer_name: "宁波测试科技(集团)有限公司",
  payer_account: "3100 6672 6018 8000 1234",
  remark: `认证 ${remark}`,
  booked_at: new Date().toISOString(),
  ...patch,
});

describe("transfer_reverse", () => {
  it("should show what to pay with copy buttons, this verification's remark code, and that it is not refunded", async () => {
    const { page, remark, testKey, v } = await atReverse();
    expect(page.step).toBe("transfer_confirmation");
    expect(remark).toMatch(/^SM[2-9A-HJKMNP-Z]{8}$/);
    const text = textOf(page.html);
    for (const shown of [SANDBOX_RECEIVING_ACCOUNT.accountName, SANDBOX_RECEIVING_ACCOUNT.bankName, "¥0.01", "不予退还", "对公账户付款"]) expect(text, shown).toContain(shown);
    // The account number reads in fours; what its copy button copies is the digits alone.
    expect(text).toContain(SANDBOX_RECEIVING_ACCOUNT.accountNumber.replace(/(\d{4})(?=\d)/g, "$1 "));
    expect(page.html).toContain(`data-pay="pay-number" data-value="${SANDBOX_RECEIVING_ACCOUNT.accountNumber}"`);
    expect(page.html.match(/data-copy="pay-/g)?.length).toBe(5);
    expect(page.html).toMatch(/id="transfer-money"[^>]*hx-trigger="every 5s"/);
    expect((await api(testKey, v.id)).json.transfer).toMatchObject({ direction: "reverse", status: "awaiting_credit", tries_left: null });
  });

  it("should refuse a credit from another payer or of another amount, keep it for staff, and verify on the right one once the letter is approved", async () => {
    const { a, v, testKey } = await atReverse();
    expect((await credit(testKey, v.id, { payer_name: "别的公司有限公司" })).json).toMatchObject({ outcome: "refused", reason: "payer_name_mismatch" });
    expect((await credit(testKey, v.id, { amount: "0.02" })).json).toMatchObject({ outcome: "refused", reason: "amount_mismatch" });
    const kept = await env.DB.prepare("select outcome, reason, payer_name_masked, payer_account_masked from incoming_credits where verification_id = ? order by received_at").bind(v.id).all();
    expect(kept.results.map((r) => r.reason)).toEqual(["payer_name_mismatch", "amount_mismatch"]);
    expect(JSON.stringify(kept.results)).not.toContain("别的公司有限公司");
    await a.post("/transfer/letter", { authorization_letter: PDF });
    const reviewId = (await env.DB.prepare("select id from reviews where verification_id = ?").bind(v.id).first<{ id: string }>())!.id;
    // The reviewer's page names a letter as a letter, with a letter's reasons, and no licence reading.
    const reviewer = (await staffMember("reviewer")).jwt;
    await staffPost(`/staff/reviews/${reviewId}/claim`, reviewer);
    const staffPage = await staffGet(`/staff/reviews/${reviewId}`, reviewer);
    expect(textOf(staffPage.html)).toContain("授权书审核");
    expect(textOf(staffPage.html)).toContain("打开盖章授权书（PDF）");
    expect(staffPage.html).not.toContain("营业执照");
    expect(staffPage.html).toContain('<option value="letter_not_stamped"');
    expect(staffPage.html).not.toContain('<option value="not_a_business_licence"');
    // Approved by the reviewer who holds it, in the back office.
    expect((await staffPost(`/staff/reviews/${reviewId}/decision`, reviewer, { decision: "approve" })).status).toBe(303);
    const waiting = await a.open();
    // The letter done, the money part looks again as the whole step: its arrival moves the page on.
    expect(waiting.html).toMatch(/id="transfer-money"[^>]*hx-select="#step"/);
    expect((await credit(testKey, v.id)).json).toMatchObject({ outcome: "matched" });
    expect((await a.open()).step).toBe("result");
    expect((await api(testKey, v.id)).json).toMatchObject({ status: "verified", method: "transfer_reverse", transfer: { status: "confirmed", letter: { status: "approved" } } });
    // The evidence holds each credit, refused or matched, with the payer's account masked.
    const record = decodeJwt((await call(`/v1/verifications/${v.id}/evidence`, { key: testKey })).json.jws as string) as { events: { type: string; data: Record<string, unknown> }[] };
    const credits = record.events.filter((e) => e.type.startsWith("transfer.credit_"));
    expect(credits.map((e) => [e.type, e.data.reason ?? null, e.data.amount_fen])).toEqual([
      ["transfer.credit_refused", "payer_name_mismatch", 1],
      ["transfer.credit_refused", "amount_mismatch", 2],
      ["transfer.credit_matched", null, 1],
    ]);
    for (const e of credits) expect(e.data.payer_account).toMatch(/^3100\*+0000$/);
    expect(JSON.stringify(record)).not.toContain("310066726018800000000");
  });

  it("should take signed credits only, fresh, store each once, and keep one matching nothing for staff", async () => {
    const { v, testKey, remark } = await atReverse();
    const body = { livemode: false, credits: [entry(remark)] };
    const unsigned = await ingest(body, { header: "" });
    expect(unsigned.status).toBe(401);
    expect(unsigned.type).toContain("application/problem+json");
    expect((await ingest(body, { secret: "wrong" })).status).toBe(401);
    const stale = await ingest(body, { at: Date.now() - 6 * 60_000 });
    expect(stale.status).toBe(401);
    expect(stale.json.detail).toContain("5");
    const ok = await ingest(body);
    expect(ok.status).toBe(200);
    expect(ok.json.data).toEqual([{ credit_id: body.credits[0]!.credit_id, outcome: "matched" }]);
    expect((await ingest(body)).json.data[0].outcome).toBe("duplicate");
    const rows = await env.DB.prepare("select count(*) as n from incoming_credits where credit_id = ?").bind(body.credits[0]!.credit_id).first<{ n: number }>();
    expect(rows!.n).toBe(1);
    expect((await api(testKey, v.id)).json.transfer.status).toBe("confirmed");
    const stray = entry("货款", { credit_id: `bank_${crypto.randomUUID()}` });
    expect((await ingest({ livemode: false, credits: [stray] })).json.data[0].outcome).toBe("unmatched");
    const unmatched = await env.DB.prepare("select outcome, verification_id from incoming_credits where credit_id = ?").bind(stray.credit_id).first();
    expect(unmatched).toEqual({ outcome: "unmatched", verification_id: null });
    const bad = await ingest({ livemode: false, credits: [{ ...stray, amount: "abc" }] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe("credits.0.amount");
  });
});

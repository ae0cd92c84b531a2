// The credits kept for staff (/staff/credits, 不明来账): a credit naming no verification, told by
// the bank's signed ingest, and one refused by the reverse transfer it named, each listed with the
// payer masked, its reason, and a link to the verification; the other mode's are not listed.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SANDBOX_RECEIVING_ACCOUNT, TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { signIngest } from "../../../src/transfer/ingest-signature";
import { Applicant, textOf, uniquePhone } from "../applicant";
import { BASE, call, newPartner, newVerification } from "../helpers";
import { staffMember } from "./sign-in";

const worker = (exports as unknown as { default: Fetcher }).default;
const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: TEST_IDENTITIES[1].name };

async function ingest(livemode: boolean, payerName: string) {
  const creditId = `bank_${crypto.randomUUID()}`;
  const raw = JSON.stringify({
    livemode,
    credits: [
      {
        credit_id: creditId,
        credited_account: SANDBOX_RECEIVING_ACCOUNT.accountNumber,
        amount: "12.50",
        payer_name: payerName,
        payer_account: "6222 0210 0101 2345",
        remark: "货款",
        booked_at: new Date().toISOString(),
      },
    ],
  });
  const header = await signIngest("ingest_test_secret_for_vitest_only", Math.floor(Date.now() / 1000), raw);
  const res = await worker.fetch(new Request(`${BASE}/v1/ingest/credits`, { method: "POST", body: raw, headers: { "content-type": "application/json", "shiming-signature": header } }));
  expect(((await res.json()) as { data: { outcome: string }[] }).data[0]!.outcome).toBe("unmatched");
  return creditId;
}

async function creditsPage(query: string, role: "reviewer" | "admin" = "reviewer", locale = "zh-CN") {
  const res = await worker.fetch(new Request(`${BASE}/staff/credits${query}`, { headers: { "cf-access-jwt-assertion": (await staffMember(role)).jwt, "accept-language": locale } }));
  return { status: res.status, html: await res.text() };
}

const rowOf = (html: string, id: string) => new RegExp(`<tr data-credit="${id}">(.*?)</tr>`, "s").exec(html)?.[1] ?? "";

describe("the credits kept for staff", () => {
  it("should list a live credit naming no verification, masked, newest first, and not the test mode's", async () => {
    const live = await ingest(true, "杭州某某贸易有限公司");
    const test = await ingest(false, "测试付款有限公司");
    const page = await creditsPage("");
    expect(page.status).toBe(200);
    const row = textOf(rowOf(page.html, live));
    expect(row).toContain("¥12.50");
    expect(row).toContain("货款");
    expect(row).toContain("附言与收款账户均未对应任何认证");
    expect(row).toMatch(/6222\*+2345/);
    expect(page.html).not.toContain("杭州某某贸易有限公司");
    expect(page.html).not.toContain("6222021001012345");
    expect(page.html).not.toContain(test);
    expect(rowOf((await creditsPage("?mode=test")).html, test)).not.toBe("");
    // A reviewer reaches it from every back-office page.
    expect(page.html).toContain('href="/staff/credits"');
  });

  it("should list a credit the reverse transfer refused, with its reason and the verification, in en too", async () => {
    const { testKey } = await newPartner("宁波产权");
    const v = await newVerification(testKey, { type: "organization", methods: ["transfer_reverse"] });
    const a = new Applicant(v.id);
    await a.signIn(testKey, uniquePhone());
    await a.post("/organization/check", { consent: "yes", ...ORG });
    await a.post("/organization/role", { role: "agent" });
    await a.post("/method", { method: "transfer_reverse" });
    const refused = await call(`/v1/test_helpers/verifications/${v.id}/incoming_credit`, { key: testKey, body: { payer_name: "别的公司有限公司" } });
    expect(refused.json).toMatchObject({ outcome: "refused", reason: "payer_name_mismatch" });
    const zh = await creditsPage("?outcome=refused&mode=test");
    const row = rowOf(zh.html, refused.json.credit_id);
    expect(textOf(row)).toContain("付款户名与企业名称不符");
    expect(row).toContain(`href="/staff/cases/${v.id}"`);
    expect(zh.html).not.toContain("别的公司有限公司");
    const en = await creditsPage("?outcome=refused&mode=test", "admin", "en");
    expect(textOf(rowOf(en.html, refused.json.credit_id))).toMatch(/The payer(&#39;|')s name is not the organization/);
    // Nonsense in the query shows the default list, not an error page.
    expect((await creditsPage("?outcome=all&mode=x")).html).toMatch(/<option value="unmatched" selected/);
  });

  it("should refuse a request without a staff sign-in", async () => {
    const res = await worker.fetch(new Request(`${BASE}/staff/credits`));
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain('data-table="credits"');
  });
});

// The page table's rows of the corporate transfers: the methods offered after the organization
// check, the forward transfer's account form, its confirmation page with the payout requested and
// with the amount to type, the reverse transfer's pay-in instructions, the letter by phone (the
// desktop's QR code, the phone's capture page), each reached through the
// service's HTTP interface and the sandbox bank's test helpers; and the back office's unmatched credits.
import { inject } from "vitest";
import { TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import type { PageRow } from "./pages";
import type { Locale, Reacher } from "./reacher";

const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: TEST_IDENTITIES[1].name };
const ACCOUNT = { account_number: "3100 1234 5678 9012", bank: "105", branch_code: "105331000018", consent: "yes" };

/** An agent's organization verification by corporate transfer, moved through `moves` (each answering 303). */
async function transferAt(r: Reacher, locale: Locale, moves: [string, Record<string, string>][]) {
  const s = await r.signedIn(locale, { type: "organization", methods: ["transfer_forward", "transfer_reverse"] });
  for (const [action, fields] of [["organization/check", { consent: "yes", ...ORG }], ["organization/role", { role: "agent" }], ...moves] as [string, Record<string, string>][]) {
    const res = await r.post(`/v/${s.v.id}/${action}`, fields, s.session);
    if (res.status !== 303) throw new Error(`${action} answered ${res.status}`);
  }
  return s;
}

const forward: [string, Record<string, string>] = ["method", { method: "transfer_forward" }];
const account: [string, Record<string, string>] = ["transfer/account", ACCOUNT];

/** A test helper of the sandbox bank (the payout's settle, an incoming credit), answering 200. */
async function sandboxBank(r: Reacher, path: string, body: Record<string, string>) {
  const res = await fetch(`${r.baseUrl}/v1/test_helpers/verifications/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${r.key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
}

const reverse: [string, Record<string, string>] = ["method", { method: "transfer_reverse" }];
const letterByPhone: [string, Record<string, string>] = ["transfer/letter/phone", {}];

export const TRANSFER_PAGES: PageRow[] = [
  {
    name: "organization: the corporate transfers offered (forward and reverse)",
    group: "applicant",
    reach: async (r, locale) => (await transferAt(r, locale, [])).reached,
  },
  {
    name: "organization: the corporate account (forward transfer)",
    group: "applicant",
    reach: async (r, locale) => (await transferAt(r, locale, [forward])).reached,
    states: [
      {
        name: "account number and branch code in error",
        async show(page) {
          await page.locator("#f-account_number").fill("12ab");
          await page.locator("#f-branch_code").fill("1023");
          await page.locator("form button[type=submit]").first().click();
          await page.locator("#f-account_number-error").waitFor();
        },
      },
    ],
  },
  {
    name: "organization: the payout requested, the letter to upload (forward transfer)",
    group: "applicant",
    reach: async (r, locale) => (await transferAt(r, locale, [forward, account])).reached,
  },
  {
    name: "organization: the amount to type back (forward transfer)",
    group: "applicant",
    async reach(r, locale) {
      const s = await transferAt(r, locale, [forward, account]);
      await sandboxBank(r, `${s.v.id}/payout/settle`, { outcome: "paid" });
      return s.reached;
    },
    states: [
      {
        name: "an amount out of range",
        async show(page) {
          await page.locator("#f-amount").fill("37");
          await page.locator("#f-amount").press("Enter");
          await page.locator("#f-amount-error").waitFor();
        },
      },
    ],
  },
  {
    name: "organization: what to pay in (reverse transfer)",
    group: "applicant",
    reach: async (r, locale) => (await transferAt(r, locale, [reverse])).reached,
  },
  {
    name: "organization: the letter by phone, its QR code (reverse transfer)",
    group: "applicant",
    reach: async (r, locale) => (await transferAt(r, locale, [reverse, letterByPhone])).reached,
  },
  {
    name: "phone: the stamped letter",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => r.openOnPhone(await r.handoffLink((await transferAt(r, locale, [reverse, letterByPhone])).reached)),
    states: [
      {
        name: "a file that is not a letter",
        async show(page) {
          await page.locator("#f-authorization_letter").setInputFiles({ name: "letter.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html></html>") });
          await page.locator("form button[type=submit]").click();
          await page.locator("#f-authorization_letter-error").waitFor();
        },
      },
    ],
  },
  {
    name: "back office: unmatched credits (one refused by a reverse transfer)",
    group: "staff",
    async reach(r, locale) {
      const s = await transferAt(r, locale, [reverse]);
      await sandboxBank(r, `${s.v.id}/incoming_credit`, { payer_name: "别的公司有限公司" });
      return { url: `${r.baseUrl}/staff/credits?outcome=refused&mode=test`, cookies: await r.staffCookies(inject("staffSignIn")), status: 200 };
    },
  },
];

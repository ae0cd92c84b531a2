// The table of every page an applicant (or a phone) can see, and how to reach each one. The budget
// and accessibility tests iterate over it, so a new page is one more row here.
// A row reaches its page through the service's own HTTP interface, as a browser would (form posts,
// the SMS test helper for codes), and answers the URL whose GET renders it, with the cookies.
// A row's `states` are what actions show inside the loaded page (an htmx swap: errors, a code
// sent): each is checked for accessibility in the same page, after the page itself.
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { SANDBOX_NAMES, TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { licenceByPhone, licenceInReview, UNKNOWN_ORG } from "./licence";
import { AUTHORIZATION_PAGES } from "./pages-authorization";
import { TRANSFER_PAGES } from "./pages-transfer";
import type { Locale, Reached, Reacher, Session } from "./reacher";

/** applicant: the person flow on the desktop; phone: the handoff's pages; error: links that cannot be used. */
export type PageGroup = "applicant" | "phone" | "error" | "legal" | "staff";

export interface PageRow {
  name: string;
  group: PageGroup;
  /** Phone pages are loaded in a phone-sized, touch viewport and held to the phone budgets. */
  device?: "desktop" | "phone";
  reach(r: Reacher, locale: Locale): Promise<Reached>;
  /** Runs after every load of the page, before any check: for a page that would otherwise leave by itself. */
  settle?(page: Page): Promise<void>;
  /** Personal media the page shows (a business licence to a reviewer): never cached, so held to no-store instead of the assets' rules. */
  privateMedia?: RegExp;
  /** States an action shows in this page, in order; each is checked for accessibility once shown. */
  states?: { name: string; show(page: Page, r: Reacher): Promise<void> }[];
}

const me = TEST_IDENTITIES[0];
const ALL_PERSON_METHODS = ["mobile3", "bankcard4", "face"];

/** Passes the registry check of mobile3 (or bankcard4): the code step, its code sent to a fresh phone. */
async function atCode(r: Reacher, locale: Locale, body: Record<string, unknown> = {}, bankcard = false) {
  const s = await r.signedIn(locale, { methods: ["mobile3"], ...body });
  const phone = r.phone();
  const method = bankcard ? "bankcard4" : "mobile3";
  const res = await r.post(`/v/${s.v.id}/methods/${method}`, { consent: "yes", name: me.name, id_number: me.idNumber, ...(bankcard ? { card_number: me.cardNumber } : {}), phone }, s.session);
  if (res.status !== 303) throw new Error(`${method} form answered ${res.status}`);
  return { ...s, phone };
}

/** The organization (its legal representative a sandbox identity) that the business registry passes. */
const legalRep = TEST_IDENTITIES[1];
const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: legalRep.name };

/**
 * An organization verification by legal_rep_personal, signed in, then moved `steps` steps on:
 * 0 the organization check, 1 who is acting, 2 the method list, 3 awaiting the child.
 */
async function organizationAt(r: Reacher, locale: Locale, steps: 0 | 1 | 2 | 3) {
  const s = await r.signedIn(locale, { type: "organization", methods: ["legal_rep_personal"] });
  const moves: [string, Record<string, string>][] = [
    // With the legal representative's ID number: the child's form then fixes both name and number.
    ["organization/check", { consent: "yes", ...ORG, legal_rep_id_number: legalRep.idNumber }],
    ["organization/role", { role: "legal_representative" }],
    ["method", { method: "legal_rep_personal" }],
  ];
  for (const [action, fields] of moves.slice(0, steps)) {
    const res = await r.post(`/v/${s.v.id}/${action}`, fields, s.session);
    if (res.status !== 303) throw new Error(`${action} answered ${res.status}`);
  }
  return s;
}

/** legal_rep_quick chosen (the check without the ID number): the organization's page shows the QR code of the legal representative's face check. */
async function quickAtQr(r: Reacher, locale: Locale) {
  const s = await r.signedIn(locale, { type: "organization", methods: ["legal_rep_quick"] });
  for (const [action, fields] of [
    ["organization/check", { consent: "yes", ...ORG }],
    ["organization/role", { role: "legal_representative" }],
    ["method", { method: "legal_rep_quick" }],
  ] as [string, Record<string, string>][]) {
    const res = await r.post(`/v/${s.v.id}/${action}`, fields, s.session);
    if (res.status !== 303) throw new Error(`${action} answered ${res.status}`);
  }
  return s;
}

/** The legal representative's own (child) verification, opened in the organization's session at mobile3's form. */
async function childAtForm(r: Reacher, locale: Locale) {
  const s = await organizationAt(r, locale, 3);
  const child = await r.childLink(s.reached);
  const res = await r.post(`${new URL(child).pathname}/method`, { method: "mobile3" }, s.session);
  if (res.status !== 303) throw new Error(`the child's method answered ${res.status}`);
  return { ...s, child, childReached: { ...s.reached, url: child } };
}

const page = (r: Reacher, path: string, status = 200): Reached => ({ url: `${r.baseUrl}${path}`, cookies: [], status });

/**
 * Every page, once; each is checked in zh-CN and en. To add a page, add a row. A phone page of the
 * handoff, for example, reaches the desktop step first and opens its link as the phone would:
 *
 *   {
 *     name: "phone: face consent",
 *     group: "phone",
 *     device: "phone",
 *     reach: async (r, locale) => r.openOnPhone(await r.handoffLink(await reachRow("continue on phone", r, locale))),
 *   },
 *
 * A later phone state posts with the session `openOnPhone` answers (`r.post("/p/consent", {}, phone.session)`)
 * and returns the same Reached; a used or replaced link is `{ url: link, cookies: [], status: 410 }`.
 */
/** A face verification switched to Alipay on the desktop, its link opened on the phone (our page before Alipay). */
async function alipayOnPhone(r: Reacher, locale: Locale, name: string): Promise<Reached & { session: Session }> {
  const s = await r.signedIn(locale, { methods: ["face"] });
  await r.post(`/v/${s.v.id}/methods/face`, { consent: "yes", name, id_number: me.idNumber }, s.session);
  await r.post(`/v/${s.v.id}/handoff/refresh`, { channel: "alipay_face" }, s.session);
  return r.openOnPhone(await r.handoffLink(s.reached));
}

export const PAGES: PageRow[] = [
  {
    name: "app authorization",
    group: "applicant",
    reach: async (r, locale) => ({ url: (await r.create({ locale })).url, cookies: [], status: 200 }),
    states: [
      {
        name: "every field in error",
        show: async (p) => {
          await p.locator("button[value=authorize]:not([data-default-action])").click();
          await p.locator("#f-consent-error").waitFor();
        },
      },
      {
        name: "phone of the wrong length",
        show: async (p) => {
          await p.locator("#f-phone").fill("1390000");
          const answered = p.waitForResponse((res) => res.request().method() === "POST");
          await p.locator("button[value=send_code]").click();
          await answered;
          await p.locator("#f-phone-error").waitFor();
        },
      },
      {
        name: "code sent",
        show: async (p, r) => {
          await p.locator("#f-phone").fill(r.phone());
          await p.locator("button[value=send_code]").click();
          await p.locator("[role=status]").waitFor();
        },
      },
    ],
  },
  {
    name: "choose method",
    group: "applicant",
    reach: async (r, locale) => (await r.signedIn(locale, { methods: ALL_PERSON_METHODS })).reached,
  },
  {
    name: "mobile3 form",
    group: "applicant",
    reach: async (r, locale) => (await r.signedIn(locale, { methods: ["mobile3"] })).reached,
    states: [
      {
        // The sign-in phone is offered masked; 修改 reveals the input to type another.
        name: "the pre-filled phone opened",
        show: async (p) => {
          await p.locator("#f-phone-wrap summary").click();
          await p.locator("#f-phone").waitFor();
        },
      },
      {
        name: "fields in error",
        show: async (p) => {
          await p.locator("#f-name").fill("");
          await p.locator("#f-id_number").fill("110101199003071234");
          await p.locator("form button[type=submit]").last().click();
          await p.locator("#f-id_number-error").waitFor();
        },
      },
      {
        name: "registry rejected",
        show: async (p) => {
          await p.locator("#f-name").fill(SANDBOX_NAMES.nameIdMismatch);
          await p.locator("#f-id_number").fill(me.idNumber);
          if (!(await p.locator("#f-phone").isVisible())) await p.locator("#f-phone-wrap summary").click();
          await p.locator("#f-phone").fill(me.phone);
          await p.locator("#f-consent").check();
          await p.locator("form button[type=submit]").last().click();
          await p.locator("[role=alert][data-reason]").waitFor();
        },
      },
    ],
  },
  {
    name: "bankcard4 form",
    group: "applicant",
    reach: async (r, locale) => (await r.signedIn(locale, { methods: ["bankcard4"] })).reached,
  },
  {
    name: "bankcard4 form, Beijing variant (ID validity)",
    group: "applicant",
    reach: async (r, locale) => (await r.signedIn(locale, { methods: ["bankcard4"], options: { collect_id_validity: true, collect_id_images: true } })).reached,
  },
  {
    name: "face form",
    group: "applicant",
    reach: async (r, locale) => (await r.signedIn(locale, { methods: ["face"] })).reached,
  },
  {
    name: "SMS code",
    group: "applicant",
    reach: async (r, locale) => (await atCode(r, locale)).reached,
    states: [
      {
        name: "wrong code",
        show: async (p) => {
          await p.locator("#f-code").fill("000000");
          await p.locator("button[value=confirm]").click();
          await p.locator("#f-code-error").waitFor();
        },
      },
      {
        name: "no code typed",
        show: async (p) => {
          // The error of the state before is still there: wait for this post's answer to be swapped in.
          await p.locator("#f-code").fill("");
          const answered = p.waitForResponse((res) => res.request().method() === "POST");
          await p.locator("button[value=confirm]").click();
          await answered;
          // The earlier state's error is already on the page: wait for the swap to settle (it moves the focus), not for the error.
          await p.waitForFunction(() => !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling") && document.activeElement?.id === "f-code", undefined, { timeout: 5000 });
          await p.locator("#f-code-error").waitFor();
        },
      },
    ],
  },
  {
    name: "continue on phone",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await r.signedIn(locale, { methods: ["face"] });
      const res = await r.post(`/v/${s.v.id}/methods/face`, { consent: "yes", name: me.name, id_number: me.idNumber }, s.session);
      if (res.status !== 303) throw new Error(`face form answered ${res.status}`);
      return s.reached;
    },
  },
  {
    name: "continue on phone, Alipay",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await r.signedIn(locale, { methods: ["face"] });
      await r.post(`/v/${s.v.id}/methods/face`, { consent: "yes", name: me.name, id_number: me.idNumber }, s.session);
      const res = await r.post(`/v/${s.v.id}/handoff/refresh`, { channel: "alipay_face" }, s.session);
      if (res.status !== 303) throw new Error(`switching to Alipay answered ${res.status}`);
      return s.reached;
    },
  },
  {
    name: "ID photos",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await atCode(r, locale, { methods: ["bankcard4"], options: { collect_id_images: true } }, true);
      const res = await r.post(`/v/${s.v.id}/methods/bankcard4/code`, { action: "confirm", code: await r.latestCode(s.phone) }, s.session);
      if (res.status !== 303) throw new Error(`code answered ${res.status}`);
      return s.reached;
    },
  },
  {
    name: "result, verified",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await atCode(r, locale);
      const res = await r.post(`/v/${s.v.id}/methods/mobile3/code`, { action: "confirm", code: await r.latestCode(s.phone) }, s.session);
      if (res.status !== 303) throw new Error(`code answered ${res.status}`);
      return s.reached;
    },
  },
  {
    // With a redirect_url the result returns to the partner after a few seconds unless the applicant
    // stays: it stays (a keyboard-reachable button), so the page is still there to check.
    name: "result, verified, with the return to the partner",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await atCode(r, locale, { redirect_url: `${r.baseUrl}/healthz` });
      const res = await r.post(`/v/${s.v.id}/methods/mobile3/code`, { action: "confirm", code: await r.latestCode(s.phone) }, s.session);
      if (res.status !== 303) throw new Error(`code answered ${res.status}`);
      return s.reached;
    },
    settle: async (p) => {
      await p.locator("#return-stay").click();
      await p.locator("#return-stay").waitFor({ state: "hidden" });
    },
  },
  {
    name: "result, failed",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await r.signedIn(locale, { methods: ["mobile3"] });
      // Three carrier rejections end the verification (MAX_FAILED_ATTEMPTS); no code is sent.
      for (let i = 0; i < 3; i++) await r.post(`/v/${s.v.id}/methods/mobile3`, { consent: "yes", name: SANDBOX_NAMES.nameIdMismatch, id_number: me.idNumber, phone: me.phone }, s.session);
      return s.reached;
    },
  },
  {
    name: "organization check",
    group: "applicant",
    reach: async (r, locale) => (await organizationAt(r, locale, 0)).reached,
    states: [
      {
        name: "fields in error",
        show: async (p) => {
          await p.locator("#f-credential_code").fill("91330200MA2AAAAA01");
          await p.locator("#f-legal_rep_id_number").fill("1234");
          await p.locator("form button[type=submit]").last().click();
          await p.locator("#f-credential_code-error").waitFor();
        },
      },
      {
        name: "registry refused (legal representative mismatch)",
        show: async (p) => {
          await p.locator("#f-org_name").fill(ORG.org_name);
          await p.locator("#f-credential_code").fill(ORG.credential_code);
          await p.locator("#f-legal_rep_name").fill(SANDBOX_NAMES.nameIdMismatch);
          await p.locator("#f-legal_rep_id_number").fill("");
          await p.locator("#f-consent").check();
          await p.locator("form button[type=submit]").last().click();
          await p.locator("[role=alert][data-reason=legal_rep_mismatch]").waitFor();
        },
      },
      {
        name: "registry does not know it: the business licence offered",
        show: async (p) => {
          await p.locator("#f-org_name").fill(UNKNOWN_ORG.org_name);
          await p.locator("#f-legal_rep_name").fill(UNKNOWN_ORG.legal_rep_name);
          await p.locator("#f-consent").check();
          await p.locator("form button[type=submit]").last().click();
          await p.locator("[role=alert][data-reason=org_not_found]").waitFor();
          await p.locator("input[name=business_licence]").waitFor();
        },
      },
    ],
  },
  {
    name: "organization: business licence taken with the phone (QR code)",
    group: "applicant",
    reach: async (r, locale) => (await licenceByPhone(r, locale)).reached,
  },
  {
    name: "organization: business licence under review",
    group: "applicant",
    reach: async (r, locale) => (await licenceInReview(r, locale)).reached,
  },
  {
    name: "organization: who is acting",
    group: "applicant",
    reach: async (r, locale) => (await organizationAt(r, locale, 1)).reached,
  },
  {
    name: "organization: choose method",
    group: "applicant",
    reach: async (r, locale) => (await organizationAt(r, locale, 2)).reached,
  },
  {
    name: "organization: awaiting the legal representative",
    group: "applicant",
    reach: async (r, locale) => (await organizationAt(r, locale, 3)).reached,
  },
  {
    name: "legal representative's mobile3 form (name and ID number fixed)",
    group: "applicant",
    reach: async (r, locale) => (await childAtForm(r, locale)).childReached,
  },
  {
    name: "organization: result, verified",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await childAtForm(r, locale);
      // The sign-in phone stands for mobile3's: the child verifies at once, with no second code.
      const res = await r.post(`${new URL(s.child).pathname}/methods/mobile3`, { consent: "yes" }, s.session);
      if (res.status !== 303) throw new Error(`the child's mobile3 answered ${res.status}`);
      return s.reached;
    },
  },
  {
    name: "link not found",
    group: "error",
    reach: async (r) => page(r, "/v/ver_000000000000000000000000", 404),
  },
  {
    name: "link expired",
    group: "error",
    reach: async (r, locale) => {
      const v = await r.create({ locale, redirect_url: "http://localhost:9/back" });
      r.expire(v.id);
      return { url: v.url, cookies: [], status: 410 };
    },
  },
  {
    name: "link canceled",
    group: "error",
    reach: async (r, locale) => {
      const v = await r.create({ locale, redirect_url: "http://localhost:9/back" });
      await r.cancel(v.id);
      return { url: v.url, cookies: [], status: 410 };
    },
  },
  {
    name: "organization: legal_rep_quick, the QR code",
    group: "applicant",
    reach: async (r, locale) => (await quickAtQr(r, locale)).reached,
  },
  {
    name: "phone: the legal representative confirms who they are (legal_rep_quick)",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => r.openOnPhone(await r.handoffLink((await quickAtQr(r, locale)).reached)),
    states: [
      {
        name: "nothing typed, nothing ticked",
        async show(page) {
          await page.locator("form button[type=submit]").click();
          await page.locator("#f-id_number-error").waitFor();
        },
      },
    ],
  },
  {
    name: "phone: face consent",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => r.openOnPhone(await r.handoffLink(await reachRow("continue on phone", r, locale))),
  },
  {
    name: "phone: face capture",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => {
      const phone = await r.openOnPhone(await r.handoffLink(await reachRow("continue on phone", r, locale)));
      const res = await r.post("/p/consent", {}, phone.session);
      if (res.status !== 303) throw new Error(`consent answered ${res.status}`);
      return phone;
    },
  },
  {
    name: "phone: face check failed, try again",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => {
      const phone = await alipayOnPhone(r, locale, SANDBOX_NAMES.livenessFailed);
      await r.finishAlipay(phone.session);
      return phone;
    },
  },
  {
    name: "phone: Alipay face (sandbox)",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => alipayOnPhone(r, locale, me.name),
  },
  {
    name: "phone: Alipay app (sandbox stand-in)",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => {
      const phone = await alipayOnPhone(r, locale, me.name);
      return { ...phone, url: await r.startAlipay(phone.session) };
    },
  },
  {
    name: "phone: Alipay check registered",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => {
      const phone = await alipayOnPhone(r, locale, me.name);
      await r.startAlipay(phone.session);
      return phone;
    },
  },
  {
    name: "phone: verified",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => {
      const phone = await alipayOnPhone(r, locale, me.name);
      await r.finishAlipay(phone.session);
      return phone;
    },
  },
  {
    name: "phone: ID card capture",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => r.openOnPhone(await r.handoffLink(await reachRow("ID photos", r, locale))),
  },
  {
    name: "phone: the business licence",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => r.openOnPhone(await r.handoffLink((await licenceByPhone(r, locale)).reached)),
    states: [
      {
        name: "a file that is no image",
        async show(page) {
          await page.locator("#f-business_licence").setInputFiles({ name: "licence.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a licence at all") });
          await page.locator("form button[type=submit]").click();
          await page.locator("#f-business_licence-error").waitFor();
        },
      },
    ],
  },
  {
    name: "phone: link already used",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => {
      const link = await r.handoffLink(await reachRow("continue on phone", r, locale));
      await r.openOnPhone(link);
      return { url: link, cookies: [], status: 410 };
    },
  },
  {
    name: "back office: home",
    group: "staff",
    reach: async (r) => ({ url: `${r.baseUrl}/staff`, cookies: await r.staffCookies(inject("staffSignIn")), status: 200 }),
  },
  {
    name: "back office: case search, with results",
    group: "staff",
    reach: async (r, locale) => {
      const reference = `pages-${locale}-${Date.now()}`;
      await r.create({ locale, reference, person: { name: me.name, id_number: me.idNumber } });
      return { url: `${r.baseUrl}/staff/cases?q=${reference}`, cookies: await r.staffCookies(inject("staffSignIn")), status: 200 };
    },
  },
  {
    name: "back office: a case",
    group: "staff",
    reach: async (r, locale) => {
      const s = await organizationAt(r, locale, 3);
      return { url: `${r.baseUrl}/staff/cases/${s.v.id}`, cookies: await r.staffCookies(inject("staffSignIn")), status: 200 };
    },
  },
  {
    name: "back office: review queue",
    group: "staff",
    reach: async (r, locale) => {
      await licenceInReview(r, locale);
      return { url: `${r.baseUrl}/staff/reviews`, cookies: await r.staffCookies(inject("staffSignIn")), status: 200 };
    },
  },
  {
    name: "back office: a review, claimed",
    group: "staff",
    privateMedia: /^\/staff\/reviews\/rev_\w+\/licence$/,
    reach: async (r, locale) => {
      const { reviewId } = await licenceInReview(r, locale);
      const cookies = await r.staffCookies(inject("staffSignIn"));
      await r.staffPost(`/staff/reviews/${reviewId}/claim`, {}, cookies);
      return { url: `${r.baseUrl}/staff/reviews/${reviewId}`, cookies, status: 200 };
    },
  },
  {
    name: "back office: staff",
    group: "staff",
    reach: async (r) => ({ url: `${r.baseUrl}/staff/team`, cookies: await r.staffCookies(inject("staffSignIn")), status: 200 }),
  },
  {
    name: "back office: partners",
    group: "staff",
    reach: async (r) => ({ url: `${r.baseUrl}/staff/partners`, cookies: await r.staffCookies(inject("staffSignIn")), status: 200 }),
  },
  {
    name: "back office: a partner",
    group: "staff",
    reach: async (r) => ({ url: `${r.baseUrl}/staff/partners/ptn_demo0000000000000000000000`, cookies: await r.staffCookies(inject("staffSignIn")), status: 200 }),
  },
  { name: "service agreement", group: "legal", reach: async (r, locale) => page(r, `/legal/service-agreement?lang=${locale}`) },
  { name: "privacy policy", group: "legal", reach: async (r, locale) => page(r, `/legal/privacy?lang=${locale}`) },
  ...AUTHORIZATION_PAGES,
  ...TRANSFER_PAGES,
];

/** Reaches another row's page: the start of a longer way (a phone page starts at a desktop step). */
export function reachRow(name: string, r: Reacher, locale: Locale): Promise<Reached> {
  const row = PAGES.find((p) => p.name === name);
  if (!row) throw new Error(`no page named ${name}`);
  return row.reach(r, locale);
}

// The page table's rows of legal_rep_authorization: the operator's invitation page, and the legal
// representative's own pages on the phone (/a), each reached through the service's HTTP interface.
import { TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import type { PageRow } from "./pages";
import type { Cookie, Locale, Reached, Reacher, Session } from "./reacher";

const legalRep = TEST_IDENTITIES[1];
const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: legalRep.name };

/** The operator, an agent, at the invitation: `idNumber` with the legal representative's number checked already. */
export async function inviting(r: Reacher, locale: Locale, idNumber = true) {
  const s = await r.signedIn(locale, { type: "organization", methods: ["legal_rep_authorization"] });
  for (const [action, fields] of [
    ["organization/check", { consent: "yes", ...ORG, ...(idNumber ? { legal_rep_id_number: legalRep.idNumber } : {}) }],
    ["organization/role", { role: "agent" }],
    ["method", { method: "legal_rep_authorization" }],
  ] as [string, Record<string, string>][]) {
    const res = await r.post(`/v/${s.v.id}/${action}`, fields, s.session);
    if (res.status !== 303) throw new Error(`${action} answered ${res.status}`);
  }
  return s;
}

const cookieOf = (r: Reacher, session: Session): Cookie[] => r.cookies(session);

/** The legal representative's browser: the invitation's link opened. */
export async function opened(r: Reacher, locale: Locale, idNumber = true) {
  const s = await inviting(r, locale, idNumber);
  const phone = await r.openOnPhone(await r.handoffLink(s.reached));
  return { s, phone };
}

/** The legal representative verified by mobile3 (their own verification, in the same phone browser): at the letter. */
export async function atLetter(r: Reacher, locale: Locale) {
  const { s, phone } = await opened(r, locale);
  const started = await r.post("/a/start", {}, phone.session);
  const childPath = started.headers.get("location") ?? "";
  if (started.status !== 303 || !childPath.startsWith("/v/")) throw new Error(`/a/start answered ${started.status}`);
  const child = await r.signIn({ id: childPath.slice(3) });
  for (const [action, fields] of [
    ["method", { method: "mobile3" }],
    ["methods/mobile3", { consent: "yes" }],
  ] as [string, Record<string, string>][]) {
    const res = await r.post(`${childPath}/${action}`, fields, child);
    if (res.status !== 303) throw new Error(`${action} answered ${res.status}`);
  }
  const both: Session = { ip: phone.session.ip, cookie: `${phone.session.cookie}; ${child.cookie}` };
  const reached: Reached = { url: `${r.baseUrl}/a`, cookies: [...cookieOf(r, phone.session), ...cookieOf(r, child)], status: 200 };
  return { s, session: both, phonePhone: child.phone!, reached };
}

async function signed(r: Reacher, locale: Locale): Promise<Reached> {
  const at = await atLetter(r, locale);
  const letter = await (await fetch(at.reached.url, { headers: { cookie: at.session.cookie } })).text();
  const sha = /name="letter_sha256" value="([0-9a-f]{64})"/.exec(letter)?.[1] ?? "";
  const sent = await r.post("/a/sign", { action: "send_code", letter_sha256: sha }, at.session);
  if (sent.status !== 200) throw new Error(`send_code answered ${sent.status}`);
  const res = await r.post("/a/sign", { action: "sign", letter_sha256: sha, code: await r.latestCode(at.phonePhone) }, at.session);
  if (res.status !== 303) throw new Error(`sign answered ${res.status}`);
  return at.reached;
}

export const AUTHORIZATION_PAGES: PageRow[] = [
  {
    name: "organization: inviting the legal representative (QR code and SMS)",
    group: "applicant",
    reach: async (r, locale) => (await inviting(r, locale)).reached,
    states: [
      {
        name: "SMS number in error",
        async show(page) {
          await page.locator("#f-legal_rep_phone").fill("1380013");
          await page.locator("[data-way=sms] button[type=submit]").click();
          await page.locator("#f-legal_rep_phone-error").waitFor();
        },
      },
    ],
  },
  {
    name: "organization: the legal representative is verifying",
    group: "applicant",
    reach: async (r, locale) => {
      const { s, phone } = await opened(r, locale);
      const res = await r.post("/a/start", {}, phone.session);
      if (res.status !== 303) throw new Error(`/a/start answered ${res.status}`);
      return s.reached;
    },
  },
  {
    name: "legal representative: who asks, and their ID number",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => (await opened(r, locale, false)).phone,
    states: [
      {
        name: "ID number in error",
        async show(page) {
          await page.locator("[data-start]").click();
          await page.locator("#f-id_number-error").waitFor();
        },
      },
    ],
  },
  {
    name: "legal representative: back to their own verification",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => {
      const { phone } = await opened(r, locale);
      const res = await r.post("/a/start", {}, phone.session);
      if (res.status !== 303) throw new Error(`/a/start answered ${res.status}`);
      return phone;
    },
  },
  { name: "legal representative: the letter to sign", group: "phone", device: "phone", reach: async (r, locale) => (await atLetter(r, locale)).reached },
  { name: "legal representative: signed", group: "phone", device: "phone", reach: signed },
  {
    name: "legal representative: declined",
    group: "phone",
    device: "phone",
    reach: async (r, locale) => {
      const { phone } = await opened(r, locale);
      const res = await r.post("/a/decline", { reason: "" }, phone.session);
      if (res.status !== 303) throw new Error(`/a/decline answered ${res.status}`);
      return phone;
    },
  },
  {
    name: "invitation link already used",
    group: "error",
    device: "phone",
    reach: async (r, locale) => {
      const s = await inviting(r, locale);
      const link = await r.handoffLink(s.reached);
      await r.openOnPhone(link);
      return { url: link, cookies: [], status: 410 };
    },
  },
];

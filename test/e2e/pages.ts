// The table of every page an applicant (or a phone) can see, and how to reach each one. The
// budget, accessibility and 3G tests iterate over it, so a new page is one more row here.
// A row reaches its page through the service's own HTTP interface, as a browser would (form posts,
// the SMS test helper for codes), and answers the URL whose GET renders it, with the cookies.
// Rows with `show` are states an action shows inside a loaded page (an htmx swap): they are checked
// for accessibility, not for page weight, which is measured on page loads.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { SANDBOX_NAMES, TEST_IDENTITIES } from "../../src/providers/sandbox-values";

export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
/** The browser locale that sends the matching Accept-Language. */
export const BROWSER_LOCALE: Record<Locale, string> = { "zh-CN": "zh-CN", en: "en-US" };

/** applicant: the person flow on the desktop; phone: the handoff's pages; error: links that cannot be used. */
export type PageGroup = "applicant" | "phone" | "error" | "legal";

export type Cookie = Parameters<BrowserContext["addCookies"]>[0][number];

export interface Reached {
  url: string;
  cookies: Cookie[];
  /** The HTTP status the page is served with. */
  status: number;
}

export interface PageRow {
  name: string;
  group: PageGroup;
  /** Phone pages are loaded in a phone-sized, touch viewport and held to the phone budgets. */
  device?: "desktop" | "phone";
  reach(r: Reacher, locale: Locale): Promise<Reached>;
  /** For a state shown by an action: what to do in the loaded page (keyboard or mouse) to show it. */
  show?(page: Page, r: Reacher): Promise<void>;
}

type Fields = Record<string, string>;

/**
 * Drives the running service to a state. Each Reacher owns a range of phone numbers and client
 * IPs, so no two test files (nor two rows) share the SMS send limits (per phone: one code a minute,
 * five an hour; per IP: thirty an hour). The limiter trusts CF-Connecting-IP, as it does behind
 * Cloudflare, and `wrangler dev` passes the header through.
 */
export class Reacher {
  #phones = 0;
  #ips = 0;
  constructor(
    readonly baseUrl: string,
    readonly key: string,
    /** The first of this file's phone numbers, e.g. 13700005000; the file owns the next 500. */
    readonly phoneBase: number,
    /** This file's third IP octet (198.18.x.y, the benchmarking range). */
    readonly ipBlock: number,
    /** `wrangler dev --persist-to`: only the expired row needs it. */
    readonly statePath?: string,
  ) {}

  phone(): string {
    if (this.#phones >= 500) throw new Error("this file used all of its 500 phone numbers");
    return String(this.phoneBase + this.#phones++);
  }

  ip(): string {
    this.#ips += 1;
    return `198.18.${this.ipBlock}.${this.#ips % 250 || 250}`;
  }

  async create(body: Record<string, unknown>): Promise<{ id: string; url: string }> {
    const res = await fetch(`${this.baseUrl}/v1/verifications`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.key}`, "content-type": "application/json" },
      body: JSON.stringify({ type: "person", ...body }),
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; url: string };
  }

  async latestCode(phone: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}/v1/test_helpers/sms?phone=${phone}`, { headers: { authorization: `Bearer ${this.key}` } });
    const body = (await res.json()) as { data: { text: string }[] };
    const code = /(?:验证码为|code is )(\d{6})/.exec(body.data[0]?.text ?? "")?.[1];
    if (!code) throw new Error(`no code for ${phone}: ${JSON.stringify(body)}`);
    return code;
  }

  /** A form post as a browser without JavaScript sends it; answers the response, redirects not followed. */
  async post(path: string, fields: Fields, session: Session): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": session.ip, ...(session.cookie ? { cookie: session.cookie } : {}) },
      body: new URLSearchParams(fields),
    });
    await res.arrayBuffer();
    if (res.status >= 500) throw new Error(`${path} answered ${res.status}`);
    return res;
  }

  /** App authorization with a fresh phone: the applicant's signed-in session for this verification. */
  async signIn(v: { id: string }): Promise<Session> {
    const session: Session = { ip: this.ip(), cookie: "" };
    const phone = this.phone();
    const sent = await this.post(`/v/${v.id}/authorize`, { action: "send_code", phone }, session);
    if (sent.status !== 200) throw new Error(`send_code answered ${sent.status}`);
    const res = await this.post(`/v/${v.id}/authorize`, { action: "authorize", phone, code: await this.latestCode(phone), consent: "yes" }, session);
    const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!)[0];
    if (res.status !== 303 || !cookie) throw new Error(`authorize answered ${res.status} without a session cookie`);
    session.cookie = cookie;
    return session;
  }

  /** What Playwright needs to carry a session into a browser context. */
  cookies(session: Session): Cookie[] {
    if (!session.cookie) return [];
    const [name, value] = session.cookie.split(/=(.*)/s) as [string, string];
    return [{ name, value, url: this.baseUrl }];
  }

  /** Sets the verification's expiry in the past, straight in local D1 (no API may do that). */
  expire(id: string) {
    if (!this.statePath) throw new Error("expire needs the wrangler state path");
    const r = spawnSync("npx", ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", this.statePath, "--command", `UPDATE verifications SET expires_at = 1 WHERE id = '${id}'`], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`expiring ${id} failed: ${r.stderr}`);
  }

  async cancel(id: string) {
    const res = await fetch(`${this.baseUrl}/v1/verifications/${id}/cancel`, { method: "POST", headers: { authorization: `Bearer ${this.key}` } });
    if (res.status !== 200) throw new Error(`cancel answered ${res.status}`);
  }

  /** The link the desktop offers the phone (continue on phone, ID photos): read from the step's [data-link]. */
  async handoffLink(at: Reached): Promise<string> {
    const res = await fetch(at.url, { headers: { cookie: at.cookies.map((c) => `${c.name}=${c.value}`).join("; ") } });
    const link = /data-link[^>]*>([^<]+)</.exec(await res.text())?.[1]?.replace(/&amp;/g, "&");
    if (!link) throw new Error(`no handoff link on ${at.url}`);
    return link;
  }

  /** Opens a handoff link as the phone's browser does: the phone's session, on the page it lands on. */
  async openOnPhone(link: string): Promise<Reached & { session: Session }> {
    const session: Session = { ip: this.ip(), cookie: "" };
    const res = await fetch(link, { redirect: "manual", headers: { "cf-connecting-ip": session.ip } });
    await res.arrayBuffer();
    const location = res.headers.get("location");
    session.cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!)[0] ?? "";
    if (res.status !== 303 || !location || !session.cookie) throw new Error(`opening ${link} answered ${res.status}`);
    return { url: new URL(location, this.baseUrl).toString(), cookies: this.cookies(session), status: 200, session };
  }

  /** Signed in on a new verification, with the page at `url`. */
  async signedIn(locale: Locale, body: Record<string, unknown>): Promise<{ v: { id: string; url: string }; session: Session; reached: Reached }> {
    const v = await this.create({ locale, ...body });
    const session = await this.signIn(v);
    return { v, session, reached: { url: v.url, cookies: this.cookies(session), status: 200 } };
  }
}

export interface Session {
  ip: string;
  cookie: string;
}

const me = TEST_IDENTITIES[0];
const ALL_PERSON_METHODS = ["mobile3", "bankcard4", "face"];

/** Passes the registry check of mobile3 (or bankcard4): the code step, its code sent to a fresh phone. */
async function atCode(r: Reacher, locale: Locale, body: Record<string, unknown> = {}, bankcard = false) {
  const s = await r.signedIn(locale, { methods: ["mobile3"], ...body });
  const phone = r.phone();
  const method = bankcard ? "bankcard4" : "mobile3";
  const res = await r.post(`/v/${s.v.id}/methods/${method}`, { name: me.name, id_number: me.idNumber, ...(bankcard ? { card_number: me.cardNumber } : {}), phone }, s.session);
  if (res.status !== 303) throw new Error(`${method} form answered ${res.status}`);
  return { ...s, phone };
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
export const PAGES: PageRow[] = [
  {
    name: "app authorization",
    group: "applicant",
    reach: async (r, locale) => ({ url: (await r.create({ locale })).url, cookies: [], status: 200 }),
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
  },
  {
    name: "bankcard4 form",
    group: "applicant",
    reach: async (r, locale) => (await r.signedIn(locale, { methods: ["bankcard4"] })).reached,
  },
  {
    name: "bankcard4 form, ID validity and photos",
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
  },
  {
    name: "continue on phone",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await r.signedIn(locale, { methods: ["face"] });
      const res = await r.post(`/v/${s.v.id}/methods/face`, { name: me.name, id_number: me.idNumber }, s.session);
      if (res.status !== 303) throw new Error(`face form answered ${res.status}`);
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
    name: "result, failed",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await r.signedIn(locale, { methods: ["mobile3"] });
      // Three carrier rejections end the verification (MAX_FAILED_ATTEMPTS); no code is sent.
      for (let i = 0; i < 3; i++) await r.post(`/v/${s.v.id}/methods/mobile3`, { name: SANDBOX_NAMES.nameIdMismatch, id_number: me.idNumber, phone: me.phone }, s.session);
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
  { name: "service agreement", group: "legal", reach: async (r, locale) => page(r, `/legal/service-agreement?lang=${locale}`) },
  { name: "privacy policy", group: "legal", reach: async (r, locale) => page(r, `/legal/privacy?lang=${locale}`) },

  // States shown by an action, checked for accessibility in the page they appear in.
  {
    name: "app authorization, code sent",
    group: "applicant",
    reach: async (r, locale) => ({ url: (await r.create({ locale })).url, cookies: [], status: 200 }),
    show: async (p, r) => {
      await p.locator("#f-phone").fill(r.phone());
      await p.locator("button[value=send_code]").click();
      await p.locator("[role=status]").waitFor();
    },
  },
  {
    name: "app authorization, every field in error",
    group: "applicant",
    reach: async (r, locale) => ({ url: (await r.create({ locale })).url, cookies: [], status: 200 }),
    show: async (p) => {
      await p.locator("button[value=authorize]").click();
      await p.locator("#f-consent-error").waitFor();
    },
  },
  {
    name: "mobile3 form, fields in error",
    group: "applicant",
    reach: async (r, locale) => (await r.signedIn(locale, { methods: ["mobile3"] })).reached,
    show: async (p) => {
      await p.locator("#f-name").fill("");
      await p.locator("#f-id_number").fill("110101199003071234");
      await p.locator("form button[type=submit]").last().click();
      await p.locator("#f-id_number-error").waitFor();
    },
  },
  {
    name: "mobile3 form, registry rejected",
    group: "applicant",
    reach: async (r, locale) => (await r.signedIn(locale, { methods: ["mobile3"] })).reached,
    show: async (p) => {
      await p.locator("#f-name").fill(SANDBOX_NAMES.nameIdMismatch);
      await p.locator("#f-id_number").fill(me.idNumber);
      await p.locator("#f-phone").fill(me.phone);
      await p.locator("form button[type=submit]").last().click();
      await p.locator("[role=alert][data-reason]").waitFor();
    },
  },
  {
    name: "SMS code, wrong code",
    group: "applicant",
    reach: async (r, locale) => (await atCode(r, locale)).reached,
    show: async (p) => {
      await p.locator("#f-code").fill("000000");
      await p.locator("button[value=confirm]").click();
      await p.locator("#f-code-error").waitFor();
    },
  },
  {
    // With a redirect_url the result returns to the partner after a few seconds unless the
    // applicant stays: checked once stayed, so the page is still there to check.
    name: "result, verified, staying instead of returning to the partner",
    group: "applicant",
    reach: async (r, locale) => {
      const s = await atCode(r, locale, { redirect_url: `${r.baseUrl}/healthz` });
      const res = await r.post(`/v/${s.v.id}/methods/mobile3/code`, { action: "confirm", code: await r.latestCode(s.phone) }, s.session);
      if (res.status !== 303) throw new Error(`code answered ${res.status}`);
      return s.reached;
    },
    show: async (p) => {
      await p.locator("#return-stay").click();
      await p.locator("#return-stay").waitFor({ state: "hidden" });
    },
  },
];

/** A mid-range phone: where the phone pages are checked (touch targets, phone budget). */
export const PHONE_DEVICE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;

/** Reaches another row's page: the start of a longer way (a phone page starts at a desktop step). */
export function reachRow(name: string, r: Reacher, locale: Locale): Promise<Reached> {
  const row = PAGES.find((p) => p.name === name);
  if (!row) throw new Error(`no page named ${name}`);
  return row.reach(r, locale);
}

// Drives the running service to a state through its own HTTP interface, as a browser would: form
// posts, the SMS test helper for codes, a partner key for the API. The page table and the journey
// tests use it; it never touches storage except to expire a link, which no API can do.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { createVerification, latestCode } from "./browser";

export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
/** The browser locale that sends the matching Accept-Language. */
export const BROWSER_LOCALE: Record<Locale, string> = { "zh-CN": "zh-CN", en: "en-US" };

export type Cookie = Parameters<BrowserContext["addCookies"]>[0][number];

export interface Reached {
  url: string;
  cookies: Cookie[];
  /** The HTTP status the page is served with. */
  status: number;
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

  create(body: Record<string, unknown>): Promise<{ id: string; url: string }> {
    return createVerification(this.baseUrl, this.key, { type: "person", ...body });
  }

  latestCode(phone: string): Promise<string> {
    return latestCode(this.baseUrl, this.key, phone);
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

  /** A form with a file, as the browser sends it (multipart): the business licence. */
  async postFile(path: string, fields: Fields, file: { name: string; field: string; bytes: Uint8Array; type: string }, session: Session): Promise<Response> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set(file.field, new File([file.bytes as BlobPart], file.name, { type: file.type }));
    const res = await fetch(`${this.baseUrl}${path}`, { method: "POST", redirect: "manual", headers: { "cf-connecting-ip": session.ip, cookie: session.cookie }, body });
    await res.arrayBuffer();
    if (res.status >= 500) throw new Error(`${path} answered ${res.status}`);
    return res;
  }

  /** A back-office form post, signed in with `cookies` (from staffCookies), from the back office's own origin. */
  async staffPost(path: string, fields: Fields, cookies: Cookie[]): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.baseUrl, cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
      body: new URLSearchParams(fields),
    });
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${path} answered ${res.status}`);
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
    session.phone = phone;
    return session;
  }

  /** What Playwright needs to carry a session into a browser context. */
  cookies(session: Session): Cookie[] {
    if (!session.cookie) return [];
    const [name, value] = session.cookie.split(/=(.*)/s) as [string, string];
    return [{ name, value, url: this.baseUrl }];
  }

  /** The back office signed in as the seeded admin, through the development link: its cookie. */
  async staffCookies(signInLink: string): Promise<Cookie[]> {
    const res = await fetch(signInLink, { redirect: "manual" });
    await res.arrayBuffer();
    const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!)[0];
    if (res.status !== 303 || !cookie) throw new Error(`the staff sign-in link answered ${res.status}`);
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
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

  /** The child verification an awaiting_child step links to (the legal representative's own): its full URL. */
  async childLink(at: Reached): Promise<string> {
    const res = await fetch(at.url, { headers: { cookie: at.cookies.map((c) => `${c.name}=${c.value}`).join("; ") } });
    const href = /href="(\/v\/ver_[0-9A-Za-z]+)"[^>]*data-child-status/.exec(await res.text())?.[1];
    if (!href) throw new Error(`no child verification linked from ${at.url}`);
    return `${this.baseUrl}${href}`;
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

  /** The phone taps "Open Alipay": answers the sandbox's stand-in for the Alipay app that it lands on. */
  async startAlipay(phone: Session): Promise<string> {
    const res = await this.post("/p/alipay/start", {}, phone);
    const location = res.headers.get("location");
    if (res.status !== 303 || !location?.includes("/p/alipay/sandbox")) throw new Error(`starting Alipay answered ${res.status} to ${location}`);
    return new URL(location, this.baseUrl).toString();
  }

  /** Through the stand-in app and back to the return URL, as Alipay sends the phone when its check ends. */
  async finishAlipay(phone: Session): Promise<void> {
    const app = await fetch(await this.startAlipay(phone), { headers: { cookie: phone.cookie } });
    const back = /href="([^"]+)" data-alipay-return/.exec(await app.text())?.[1]?.replace(/&amp;/g, "&");
    if (!back) throw new Error("no way back from the Alipay stand-in");
    const res = await fetch(back, { redirect: "manual", headers: { cookie: phone.cookie, "cf-connecting-ip": phone.ip } });
    await res.arrayBuffer();
    if (res.status !== 303) throw new Error(`the Alipay return answered ${res.status}`);
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
  /** The phone it signed in with, when it did. */
  phone?: string;
}

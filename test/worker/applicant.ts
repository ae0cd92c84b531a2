// A small browser stand-in for worker tests: keeps cookies, posts forms (plain or as htmx), reads
// the step a page shows, and reads SMS codes from the test helper as a phone would.
import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { dataCipher } from "../../src/crypto/data-key";
import { BASE, call } from "./helpers";

const worker = (exports as unknown as { default: Fetcher }).default;

export interface Page {
  status: number;
  html: string;
  location: string | null;
  step: string | null;
}

export class Applicant {
  cookies = new Map<string, string>();
  constructor(
    readonly verificationId: string,
    readonly ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`,
  ) {}

  private async send(path: string, init: RequestInit & { htmx?: boolean } = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    headers.set("cf-connecting-ip", this.ip);
    headers.set("accept-language", "zh-CN");
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    if (init.htmx) headers.set("hx-request", "true");
    const res = await worker.fetch(new Request(`${BASE}${path}`, { ...init, headers, redirect: "manual" }));
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [k, v] = pair!.split("=");
      if (/max-age=0/i.test(line)) this.cookies.delete(k!);
      else this.cookies.set(k!, v!);
    }
    const html = await res.text();
    return { status: res.status, html, location: res.headers.get("location"), step: /data-step="([a-z_]+)"/.exec(html)?.[1] ?? /data-phone="([a-z_]+)"/.exec(html)?.[1] ?? null };
  }

  open(query = "") {
    return this.send(`/v/${this.verificationId}${query}`);
  }

  /** Any page of the service, as this browser (the legal representative's /a pages). */
  visit(path: string) {
    return this.send(path);
  }

  /** Posts a form to any path; a 303 is followed, as a browser would. */
  async submit(path: string, fields: Record<string, string>): Promise<Page> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const page = await this.send(path, { method: "POST", body });
    if (page.status === 303 && page.location) return { ...(await this.send(page.location)), location: page.location };
    return page;
  }

  /** Posts a form; a plain post that answers 303 is followed, as a browser would. */
  async post(path: string, fields: Record<string, string | File>, opts: { htmx?: boolean } = {}): Promise<Page> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const page = await this.send(`/v/${this.verificationId}${path}`, { method: "POST", body, htmx: opts.htmx ?? false });
    if (page.status === 303 && page.location) {
      const followed = await this.send(page.location);
      return { ...followed, location: page.location };
    }
    return page;
  }

  /** Signs in with a phone of its own by default, so the phone's send limits never touch other tests. */
  async signIn(key: string, phone = uniquePhone()) {
    await forgetSends(phone);
    await this.post("/authorize", { action: "send_code", phone });
    const code = await latestCode(key, phone);
    return this.post("/authorize", { action: "authorize", phone, code, consent: "yes" });
  }
}

export async function latestCode(key: string, phone: string): Promise<string> {
  const res = await call(`/v1/test_helpers/sms?phone=${phone}`, { key });
  const text: string | undefined = res.json?.data?.[0]?.text;
  const code = /验证码为(\d{6})/.exec(text ?? "")?.[1];
  if (!code) throw new Error(`no code sent to ${phone}: ${res.text}`);
  return code;
}

export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

/**
 * A well-formed mobile number no other test in this file uses (never a sandbox magic suffix): nine
 * random digits, so no counter is shared between tests; two of a file's few dozen numbers meeting
 * is a one-in-ten-million chance.
 */
export function uniquePhone(): string {
  const [prefix = 0, rest = 0] = crypto.getRandomValues(new Uint32Array(2));
  return `1${3 + (prefix % 6)}${String(rest % 1e9).padStart(9, "0")}`.replace(/(0002|0006|0009)$/, "1111");
}

/** Clears a phone's send history in its Durable Object: time passing, without sleeping. */
export async function forgetSends(phone: string) {
  const cipher = await dataCipher(env.DATA_KEY!);
  const stub = env.SMS_CODES.get(env.SMS_CODES.idFromName(`phone:${await cipher.hash("phone", phone)}`));
  await runInDurableObject(stub, (_o, state) => state.storage.delete("sentAt"));
}

// A phone for the handoff tests: its own cookie jar, separate from the desktop's, and the way
// to the face step's "continue on your phone" with a link to open.
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { Applicant } from "./applicant";
import { BASE, newPartner, newVerification } from "./helpers";

const worker = (exports as unknown as { default: Fetcher }).default;
export const me = TEST_IDENTITIES[2];
export const WEBM = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, ...new Array(200).fill(7)]);

export class Phone {
  cookie = "";
  constructor(readonly userAgent = "Mozilla/5.0 (Linux; Android 14) Mobile") {}
  async get(path: string) {
    const res = await worker.fetch(new Request(path.startsWith("http") ? path : `${BASE}${path}`, { headers: this.headers(), redirect: "manual" }));
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  }
  async post(path: string, body?: FormData) {
    const res = await worker.fetch(new Request(`${BASE}${path}`, { method: "POST", body: body ?? new FormData(), headers: this.headers(), redirect: "manual" }));
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return { status: res.status, location: res.headers.get("location"), text: await res.text() };
  }
  async uploadClip(bytes: Uint8Array, type = "video/webm") {
    const form = new FormData();
    form.set("clip", new File([bytes], "clip", { type }));
    const res = await this.post("/p/clip", form);
    return { status: res.status, json: JSON.parse(res.text) };
  }
  private headers() {
    return { cookie: this.cookie, "user-agent": this.userAgent };
  }
}

export const linkIn = (html: string) => /<code class="link" data-link[^>]*>([^<]+)<\/code>/.exec(html)?.[1]?.replace(BASE, "");

export async function atPhoneStep(name: string = me.name) {
  const { testKey } = await newPartner();
  const v = await newVerification(testKey, { type: "person", methods: ["face", "mobile3"] });
  const desktop = new Applicant(v.id);
  await desktop.signIn(testKey);
  await desktop.post("/method", { method: "face" });
  const page = await desktop.post("/methods/face", { consent: "yes", name, id_number: me.idNumber });
  expect(page.step).toBe("continue_on_phone");
  const link = linkIn(page.html);
  if (!link) throw new Error("no link on the page");
  return { testKey, v, desktop, page, link };
}

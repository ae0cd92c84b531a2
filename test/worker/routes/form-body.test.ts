// Posts to the applicant and phone pages whose body is not a form (JSON, none, multipart without
// a boundary or cut short) or is larger than the page takes: a clear 415/400/413, never a 500,
// and the verification is left where it was.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { FORM_CAP, FORM_SLACK } from "../../../src/routes/form-body";
import { MAX_CLIP_BYTES } from "../../../src/steps/handoff/face";
import { Applicant, textOf } from "../applicant";
import { BASE, newPartner, newVerification } from "../helpers";
import { atPhoneStep, Phone } from "../phone";

const worker = (exports as unknown as { default: Fetcher }).default;

const BOUNDARY = "----form-body-test";
const TRUNCATED = `--${BOUNDARY}\r\ncontent-disposition: form-data; name="phone"\r\n\r\n1390000`;

/** Bodies that are not a form, with the status and the problem each must be answered with. */
const NOT_FORMS: [string, Record<string, string>, BodyInit | undefined, number, string][] = [
  ["JSON", { "content-type": "application/json" }, JSON.stringify({ action: "send_code", phone: "13900000000" }), 415, "unsupported"],
  ["an empty body without a type", {}, undefined, 415, "unsupported"],
  ["plain text", { "content-type": "text/plain" }, "phone=13900000000", 415, "unsupported"],
  ["multipart without a boundary", { "content-type": "multipart/form-data" }, TRUNCATED, 400, "malformed"],
  ["a truncated multipart body", { "content-type": `multipart/form-data; boundary=${BOUNDARY}` }, TRUNCATED, 400, "malformed"],
];

/** `size` bytes as a stream, so the request declares no Content-Length. */
function stream(size: number): ReadableStream<Uint8Array> {
  let left = size;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(left, 64 * 1024);
      left -= n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
}

async function post(path: string, headers: Record<string, string>, body: BodyInit | undefined, cookie = "") {
  const res = await worker.fetch(new Request(`${BASE}${path}`, { method: "POST", headers: { ...headers, cookie, "accept-language": "zh-CN" }, body, redirect: "manual" }));
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

const cookieOf = (a: Applicant) => [...a.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

describe("form bodies on the applicant pages", () => {
  it.each(NOT_FORMS)("should answer %s posted to sign-in with a clear page, not a 500", async (_, headers, body, status, kind) => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const res = await post(`/v/${v.id}/authorize`, headers, body);
    expect(res.status).toBe(status);
    expect(res.type).toContain("text/html");
    expect(res.text).toContain(`data-problem="${kind}"`);
    expect(textOf(res.text)).toContain("无法读取提交的内容");
    expect(res.text).toContain(`href="/v/${v.id}"`);
    expect((await new Applicant(v.id).open()).step).toBe("authorize");
  });

  it.each(NOT_FORMS)("should answer %s posted to a step action of a signed-in applicant", async (_, headers, body, status) => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const applicant = new Applicant(v.id);
    await applicant.signIn(testKey);
    const before = (await applicant.open()).step;
    for (const path of ["/method", "/methods/mobile3"]) {
      expect((await post(`/v/${v.id}${path}`, headers, body, cookieOf(applicant))).status).toBe(status);
    }
    expect((await applicant.open()).step).toBe(before);
  });

  it("should answer the step fragment under htmx, so the swap shows the problem where the step was", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const res = await post(`/v/${v.id}/authorize`, { "content-type": "application/json", "hx-request": "true" }, "{}");
    expect(res.status).toBe(415);
    expect(res.text).toMatch(/^<section class="card" id="step"[^>]*data-step="form_problem"/);
  });

  it("should answer 413 to sign-in past its cap, declared or streamed, and accept a form just under it", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const declared = await post(`/v/${v.id}/authorize`, form, "a".repeat(FORM_CAP.text + 1));
    expect(declared.status).toBe(413);
    expect(declared.text).toContain('data-problem="too_large"');
    const streamed = await post(`/v/${v.id}/authorize`, form, stream(FORM_CAP.text + 1));
    expect(streamed.status).toBe(413);
    const under = await post(`/v/${v.id}/authorize`, form, `action=send_code&phone=12&pad=${"a".repeat(FORM_CAP.text - 40)}`);
    expect(under.status).toBe(422);
    expect(under.text).toContain('data-step="authorize"');
  });

  it("should let step actions carry both ID photos but not more", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const applicant = new Applicant(v.id);
    await applicant.signIn(testKey);
    const res = await post(`/v/${v.id}/methods/mobile3`, { "content-type": `multipart/form-data; boundary=${BOUNDARY}` }, stream(FORM_CAP.photos + 1), cookieOf(applicant));
    expect(res.status).toBe(413);
    expect(textOf(res.text)).toContain("最多 10 MB");
  });
});

describe("form bodies on the phone pages", () => {
  it.each(NOT_FORMS)("should answer %s posted as a face clip with JSON the page's script reads", async (_, headers, body, status) => {
    const { link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    const res = await post("/p/clip", headers, body, phone.cookie);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.text)).toMatchObject({ error: expect.stringMatching(/^form_/), message: expect.stringContaining("") });
    expect((await phone.get("/p")).html).toContain('data-phone="capture"');
  });

  it("should answer 413 to a clip or photos past their caps", async () => {
    const { link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    const multipart = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
    const clip = await post("/p/clip", multipart, stream(MAX_CLIP_BYTES + FORM_SLACK + 1), phone.cookie);
    expect(clip.status).toBe(413);
    expect(JSON.parse(clip.text)).toMatchObject({ error: "payload_too_large", message: expect.stringContaining("最多 4 MB") });
    const photos = await post("/p/id-photos", multipart, stream(FORM_CAP.photos + 1), phone.cookie);
    expect(photos.status).toBe(413);
    expect(photos.text).toContain('data-problem="too_large"');
    const json = await post("/p/id-photos", { ...multipart, accept: "application/json" }, stream(FORM_CAP.photos + 1), phone.cookie);
    expect(JSON.parse(json.text).errors.form).toContain("最多 10 MB");
  });
});

// Alipay face through the hosted pages, with the sandbox standing in for Alipay: the phone starts a
// check, leaves for the (stand-in) Alipay app, comes back through the return URL, and the verdict
// is asked of the provider; or the desktop asks for it. The live adapter's wire format has its own
// tests in test/unit/providers/alipay-face.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SANDBOX_NAMES } from "../../../src/providers/sandbox-values";
import { textOf } from "../applicant";
import { BASE, call } from "../helpers";
import { atPhoneStep, linkIn, me, Phone } from "../phone";

async function events(verificationId: string) {
  const rows = await env.DB.prepare("select type, data from verification_events where verification_id = ? order by id").bind(verificationId).all<{ type: string; data: string }>();
  return rows.results.map((r) => ({ type: r.type, data: JSON.parse(r.data) as Record<string, unknown> }));
}

/** The desktop switched to Alipay and the phone opened its link: the phone is on our page before Alipay. */
async function atAlipayStart(name?: string) {
  const at = await atPhoneStep(name);
  const switched = await at.desktop.post("/handoff/refresh", { channel: "alipay_face" });
  expect(switched.html).toContain('data-channel="alipay_face"');
  const phone = new Phone();
  expect((await phone.get(linkIn(switched.html)!)).status).toBe(303);
  return { ...at, switched, phone };
}

/** The phone taps "open Alipay": we register the check and send it to the stand-in app. */
async function startOnPhone(phone: Phone) {
  const started = await phone.post("/p/alipay/start");
  expect(started.status).toBe(303);
  const certify = new URL(started.location!);
  expect(certify.pathname).toBe("/p/alipay/sandbox");
  const app = await phone.get(certify.pathname + certify.search);
  expect(app.html).toContain('data-phone="alipay_sandbox"');
  const back = /<a class="button wide" href="([^"]+)" data-alipay-return/.exec(app.html)![1]!.replace(/&amp;/g, "&");
  return { certifyId: certify.searchParams.get("certify_id")!, returnUrl: back };
}

describe("Alipay face (sandbox)", () => {
  it("should register a check, send the phone to Alipay, and take the verdict Alipay gives on return", async () => {
    const { testKey, v, desktop, phone } = await atAlipayStart();
    const before = await phone.get("/p");
    expect(before.html).toContain('data-phone="alipay_face"');
    expect(before.html).toContain('action="/p/alipay/start"');

    const { certifyId, returnUrl } = await startOnPhone(phone);
    expect(certifyId).toMatch(/^sbx-p-/);
    expect(new URL(returnUrl).pathname).toBe("/p/alipay/return");
    // While the applicant is in Alipay, the desktop says so and offers to ask for the result.
    const waiting = await desktop.open();
    expect(waiting.html).toContain('data-state="capturing"');
    expect(textOf(waiting.html)).toContain("正在支付宝中刷脸");
    expect(waiting.html).toContain(`action="/v/${v.id}/handoff/alipay-result"`);

    const back = await phone.get(returnUrl);
    expect(back).toMatchObject({ status: 303, location: "/p" });
    expect((await phone.get("/p")).html).toContain('data-phone="verified"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", method: "face" });
    const log = await events(v.id);
    expect(log.find((e) => e.type === "alipay.certify_started")?.data).toMatchObject({ provider: "sandbox", certify_id: expect.stringMatching(/^sbx_[0-9a-f]{16}$/) });
    expect(log.filter((e) => e.type === "provider.call").map((e) => e.data)).toContainEqual(expect.objectContaining({ capability: "alipay_face", outcome: "match" }));
    // Nothing about the applicant goes into the log with the certification.
    expect(JSON.stringify(log)).not.toContain(me.idNumber);
    expect(JSON.stringify(log)).not.toContain(me.name);
  });

  it("should count a failed check as a try, say why, and start a new check for the next try", async () => {
    const { testKey, v, desktop, phone } = await atAlipayStart(SANDBOX_NAMES.livenessFailed);
    const first = await startOnPhone(phone);
    await phone.get(first.returnUrl);
    const again = await phone.get("/p");
    expect(again.html).toContain('data-reason="liveness_failed"');
    expect(again.html).toContain('action="/p/alipay/start"');
    expect((await desktop.open()).html).toContain('data-state="capturing"');
    const second = await startOnPhone(phone);
    expect(second.certifyId).not.toBe(first.certifyId);
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api).toMatchObject({ status: "in_progress", failed_attempts: 1 });
    const failed = (await events(v.id)).filter((e) => e.type === "provider.call" && e.data.capability === "alipay_face");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ outcome: "no_match", reason: "liveness_failed" });
  });

  it("should say on both screens, in Alipay's words, what failed and how many tries are left, each failure counted for the desktop to follow", async () => {
    const { desktop, phone } = await atAlipayStart(SANDBOX_NAMES.livenessFailed);
    await phone.get((await startOnPhone(phone)).returnUrl);
    const phonePage = textOf((await phone.get("/p")).html);
    const desk = await desktop.open();
    for (const text of [phonePage, textOf(desk.html)]) {
      expect(text).toContain("上一次未通过：支付宝没能确认是本人在刷脸。请在光线充足处，按支付宝 App 的提示完成动作。");
      expect(text).toContain("还可尝试 2 次。");
      // Alipay's check is not our camera.
      expect(text).not.toContain("正对摄像头");
    }
    // The desktop no longer says the applicant is in Alipay: it waits for another try, the reason on its own line.
    expect(desk.html).toContain('data-failures="1"');
    expect(textOf(desk.html)).toContain("等待在手机上重试…");
    expect(textOf(desk.html)).not.toContain("正在支付宝中刷脸");
    expect(desk.html).toMatch(/<span class="failure" data-failure="liveness_failed">/);
    // The same reason a second time is a new failure: the count is what the page follows.
    await phone.get((await startOnPhone(phone)).returnUrl);
    const status = await desktop.open("/handoff/status");
    expect(status.html).toContain('data-failures="2"');
    expect(textOf(status.html)).toContain("这是最后一次机会");
  });

  it("should call Alipay being unreachable what it is: not a failed try, and nothing about typed content on a page with no fields", async () => {
    const { desktop, phone } = await atAlipayStart(SANDBOX_NAMES.alipayUnavailable);
    await phone.post("/p/alipay/start");
    const phonePage = textOf((await phone.get("/p")).html);
    const desk = textOf((await desktop.open()).html);
    for (const text of [phonePage, desk]) {
      expect(text).toContain("暂时无法连接支付宝，本次不计入失败次数。");
      expect(text).not.toContain("未通过");
      expect(text).not.toContain("填写的内容");
      expect(text).not.toContain("还可尝试");
    }
  });

  it("should settle a return in a browser without our cookie, and show the result there", async () => {
    const { testKey, v, phone } = await atAlipayStart();
    const { returnUrl } = await startOnPhone(phone);
    const alipayWebView = new Phone("Mozilla/5.0 (Linux; Android 14) AlipayClient/10.5");
    const back = await alipayWebView.get(returnUrl);
    expect(back.status).toBe(200);
    expect(back.html).toContain('data-phone="verified"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.status).toBe("verified");
    // Coming back twice asks Alipay nothing more.
    await alipayWebView.get(returnUrl);
    expect((await events(v.id)).filter((e) => e.type === "provider.call" && e.data.capability === "alipay_face")).toHaveLength(1);
  });

  it("should refuse a return URL whose tag is wrong or belongs to another handoff", async () => {
    const a = await atAlipayStart();
    const b = await atAlipayStart();
    const ra = new URL((await startOnPhone(a.phone)).returnUrl);
    const rb = new URL((await startOnPhone(b.phone)).returnUrl);
    const stranger = new Phone();
    const forged = await stranger.get(`/p/alipay/return?h=${ra.searchParams.get("h")}&o=${ra.searchParams.get("o")}&t=${rb.searchParams.get("t")}`);
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('data-reason="invalid"');
    const otherCheck = await stranger.get(`/p/alipay/return?h=${ra.searchParams.get("h")}&o=${rb.searchParams.get("o")}&t=${ra.searchParams.get("t")}`);
    expect(otherCheck.status).toBe(400);
    expect((await stranger.get(`/p/alipay/return?h=${ra.searchParams.get("h")}&o=${ra.searchParams.get("o")}`)).status).toBe(400);
    expect((await call(`/v1/verifications/${a.v.id}`, { key: a.testKey })).json.status).toBe("in_progress");
  });

  it("should let the stand-in app send the phone only to our own return path", async () => {
    const { phone } = await atAlipayStart();
    const { certifyId, returnUrl } = await startOnPhone(phone);
    const elsewhere = new URL(returnUrl);
    elsewhere.host = "evil.example";
    const q = (certify: string, back: string) => `/p/alipay/sandbox?certify_id=${encodeURIComponent(certify)}&return_url=${encodeURIComponent(back)}`;
    expect((await phone.get(q(certifyId, elsewhere.toString()))).status).toBe(400);
    expect((await phone.get(q(certifyId, `${BASE}/v1/verifications`))).status).toBe(400);
    expect((await phone.get(q("2d4a0b6e9c", returnUrl))).status).toBe(400);
    expect((await phone.get(q(certifyId, returnUrl))).status).toBe(200);
  });

  it("should answer the desktop's query: not started, then the pass once the phone's check exists", async () => {
    const { testKey, v, desktop, phone } = await atAlipayStart();
    const early = await desktop.post("/handoff/alipay-result", {});
    expect(early.html).toContain('data-notice="alipay_not_started"');
    await startOnPhone(phone);
    const asked = await desktop.post("/handoff/alipay-result", {});
    expect(asked.html).toContain('data-status="verified"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", method: "face" });
    expect((await phone.get("/p")).html).toContain('data-phone="verified"');
  });

  it("should not count a 'not passed' the desktop asked for as a try: the check may still be under way", async () => {
    const { testKey, v, desktop, phone } = await atAlipayStart(SANDBOX_NAMES.faceMismatch);
    await startOnPhone(phone);
    const asked = await desktop.post("/handoff/alipay-result", {});
    expect(asked.html).toContain('data-notice="alipay_not_passed_yet"');
    expect(textOf(asked.html)).toContain("支付宝尚未返回通过的结果");
    // Each ask is a call to Alipay: a second one within seconds is refused without calling.
    const again = await desktop.post("/handoff/alipay-result", {});
    expect(again.html).toContain('data-notice="alipay_query_too_soon"');
    expect(textOf(again.html)).toContain("刚刚查询过");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", failed_attempts: 0 });
  });

  it("should tell the phone when Alipay cannot register the check, and count no try", async () => {
    const { testKey, v, phone } = await atAlipayStart(SANDBOX_NAMES.alipayUnavailable);
    const started = await phone.post("/p/alipay/start");
    expect(started).toMatchObject({ status: 303, location: "/p" });
    const page = await phone.get("/p");
    expect(page.html).toContain('data-reason="provider_unavailable"');
    expect(page.html).toContain('action="/p/alipay/start"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", failed_attempts: 0 });
  });

  it("should register one check however often the phone taps, and go back to it", async () => {
    const { v, phone } = await atAlipayStart();
    const taps = await Promise.all([phone.post("/p/alipay/start"), phone.post("/p/alipay/start"), phone.post("/p/alipay/start")]);
    expect(taps.every((t) => t.status === 303)).toBe(true);
    const again = await phone.post("/p/alipay/start");
    const ids = [...taps, again].map((t) => (t.location!.includes("certify_id") ? new URL(t.location!, BASE).searchParams.get("certify_id") : null));
    const registered = (await events(v.id)).filter((e) => e.type === "alipay.certify_started");
    expect(registered).toHaveLength(1);
    expect(new Set(ids.filter(Boolean)).size).toBe(1);
    expect(ids[3]).not.toBeNull();
    // The page before Alipay now leads to that check, and offers to ask for its result.
    const page = await phone.get("/p");
    expect(page.html).toContain(`certify_id=${ids[3]}`);
    expect(page.html).toContain('action="/p/alipay/result"');
  });

  it("should let an old return URL move nothing once a newer check is open", async () => {
    const { testKey, v, phone } = await atAlipayStart(SANDBOX_NAMES.livenessFailed);
    const first = await startOnPhone(phone);
    await phone.get(first.returnUrl);
    const second = await startOnPhone(phone);
    const replay = await new Phone().get(first.returnUrl);
    expect(replay.html).toContain('data-phone="alipay_returned"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", failed_attempts: 1 });
    expect((await phone.get("/p")).html).toContain(`certify_id=${second.certifyId}`);
    await phone.get(second.returnUrl);
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ failed_attempts: 2 });
  });

  it("should keep the check when Alipay cannot be asked on return, and let the phone ask again", async () => {
    const { testKey, v, phone } = await atAlipayStart(SANDBOX_NAMES.alipayQueryUnavailable);
    const { certifyId, returnUrl } = await startOnPhone(phone);
    await phone.get(returnUrl);
    const page = await phone.get("/p");
    expect(page.html).toContain('data-reason="provider_unavailable"');
    expect(page.html).toContain(`certify_id=${certifyId}`);
    const asked = await phone.post("/p/alipay/result");
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('data-notice="provider_unavailable"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", failed_attempts: 0 });
  });

  it("should let the phone ask for the result and pass without a return", async () => {
    const { testKey, v, phone } = await atAlipayStart();
    await startOnPhone(phone);
    const asked = await phone.post("/p/alipay/result");
    expect(asked).toMatchObject({ status: 303, location: "/p" });
    expect((await phone.get("/p")).html).toContain('data-phone="verified"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.status).toBe("verified");
  });
});

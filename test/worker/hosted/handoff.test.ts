import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dataCipher } from "../../../src/crypto/data-key";
import { newLinkCode } from "../../../src/handoff/link-code";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, textOf } from "../applicant";
import { BASE, call, newPartner, newVerification } from "../helpers";
import { atPhoneStep, linkIn, me, Phone, WEBM } from "../phone";
import { exports } from "cloudflare:workers";

const worker = (exports as unknown as { default: Fetcher }).default;

describe("desktop-to-phone handoff", () => {
  it("should show a server-rendered QR code, the same link as text with a code to type, and how long it lasts", async () => {
    const { page, link } = await atPhoneStep();
    expect(page.html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-label="[^"]+" width="\d+"/);
    // 20 characters of Crockford base32: a QR code a camera reads at a glance, a code a person can type.
    expect(link).toMatch(/^\/p\/[0-9A-HJKMNP-TV-Z]{20}$/);
    const code = link.slice(3);
    expect(textOf(page.html)).toContain(code.match(/.{4}/g)!.join("-"));
    expect(textOf(page.html)).toContain("5 分钟内有效，只能使用一次");
  });

  it("should exchange the token for a session cookie once, and refuse the same link again", async () => {
    const { link } = await atPhoneStep();
    const phone = new Phone();
    const first = await phone.get(link);
    expect(first.status).toBe(303);
    expect(first.location).toBe("/p");
    expect(phone.cookie).toMatch(/^sm_phone=[0-9A-Z]{9}\.[0-9A-Za-z]{32}$/);
    expect((await phone.get("/p")).html).toContain('data-phone="consent"');
    const again = await new Phone().get(link);
    expect(again.status).toBe(410);
    expect(textOf(again.html)).toContain("这个链接已经使用过了");
  });

  it("should void the old link when the desktop asks for a new QR code", async () => {
    const { desktop, link } = await atPhoneStep();
    const refreshed = await desktop.post("/handoff/refresh", {});
    const fresh = /<code class="link" data-link[^>]*>([^<]+)<\/code>/.exec(refreshed.html)?.[1]?.replace(BASE, "");
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(link);
    const old = await new Phone().get(link);
    expect(textOf(old.html)).toContain("已被新的二维码替换");
    expect((await new Phone().get(fresh!)).status).toBe(303);
  });

  it("should show the same QR code again on a reload or in a second tab, so neither voids the other", async () => {
    const { v, desktop, link } = await atPhoneStep();
    const reloaded = await desktop.open();
    expect(linkIn(reloaded.html)).toBe(link);
    const secondTab = new Applicant(v.id);
    secondTab.cookies = new Map(desktop.cookies);
    expect(linkIn((await secondTab.open()).html)).toBe(link);
    expect(textOf(reloaded.html)).toMatch(/二维码和链接 [45] 分钟内有效/);
    expect((await new Phone().get(link)).status).toBe(303);
  });

  it("should say when a link has expired, and refuse mistyped or made-up codes", async () => {
    const { link } = await atPhoneStep();
    const handoffId = link.slice(3, 12);
    const cipher = await dataCipher(env.DATA_KEY!);
    const stale = await newLinkCode((value) => cipher.hash("handoff_link", value), handoffId);
    const stub = env.HANDOFFS.get(env.HANDOFFS.idFromName(handoffId));
    await stub.issueToken(stale.secret, { url: `${BASE}/p/${stale.code}`, expiresAt: Date.now() - 1 });
    const expired = await new Phone().get(`/p/${stale.code}`);
    expect(expired.status).toBe(410);
    expect(textOf(expired.html)).toContain("这个链接已过期");
    // One character off: the keyed check turns it away before any handoff is asked.
    const typo = link.slice(0, -1) + (link.endsWith("0") ? "1" : "0");
    expect((await new Phone().get(typo)).status).toBe(400);
    expect(textOf((await new Phone().get(typo)).html)).toContain("无法识别这个链接");
    // Lower case, dashes, and O for 0 or I and L for 1 are what people type: the same code.
    const typed = stale.code
      .toLowerCase()
      .match(/.{1,4}/g)!
      .join("-");
    expect((await new Phone().get(`/p/${typed}`)).status).toBe(410);
  });

  it("should let a phone type the code at /p instead of scanning, and say next to the field what is wrong with a code", async () => {
    const { page, link } = await atPhoneStep();
    const grouped = /<strong class="code" data-code="true">([^<]+)</.exec(page.html)![1]!;
    expect(textOf(page.html)).toContain("127.0.0.1:8787/p".replace("127.0.0.1:8787", new URL(BASE).host));
    const phone = new Phone();
    const entry = await phone.get("/p");
    expect(entry.status).toBe(200);
    expect(entry.html).toContain('data-phone="code_entry"');
    expect(entry.html).toContain('action="/p/enter"');
    const typed = (code: string) => {
      const form = new FormData();
      form.set("code", code);
      return form;
    };
    const empty = await phone.post("/p/enter", typed("  "));
    expect(empty.status).toBe(422);
    expect(textOf(empty.text)).toContain("请输入电脑上显示的代码");
    const wrong = await phone.post("/p/enter", typed(`${grouped.slice(0, -1)}${grouped.endsWith("0") ? "1" : "0"}`));
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.text)).toContain("代码不正确");
    // What was typed stays in the field, to correct one character rather than type all twenty again.
    expect(wrong.text).toContain(`value="${grouped.slice(0, -1)}`);
    expect(wrong.text).toMatch(/aria-invalid="true"/);
    // Typed as people type: lower case, with the dashes, O for 0.
    const opened = await phone.post("/p/enter", typed(grouped.toLowerCase().replace(/0/g, "o")));
    expect(opened.status).toBe(303);
    expect(opened.location).toBe("/p");
    expect((await phone.get("/p")).html).toContain('data-phone="consent"');
    // The code is the link's: used once, whichever way it came in.
    const again = await new Phone().get(link);
    expect(again.status).toBe(410);
    expect(again.html).toContain('action="/p/enter"');
  });

  it("should complete the face check on the phone and verify the verification", async () => {
    const { testKey, v, link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    const capture = await phone.get("/p");
    expect(capture.html).toContain('data-phone="capture"');
    const prompts = JSON.parse(/data-prompts="([^"]+)"/.exec(capture.html)![1]!.replace(/&quot;/g, '"'));
    expect(prompts).toHaveLength(2);
    expect(new Set(prompts).size).toBe(2);
    const reloaded = await phone.get("/p");
    expect(reloaded.html).toContain(/data-prompts="([^"]+)"/.exec(capture.html)![0]);
    const upload = await phone.uploadClip(WEBM);
    expect(upload.json).toEqual({ ok: true, state: "verified" });
    expect((await phone.get("/p")).html).toContain('data-phone="verified"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", method: "face", person: { name: "*芳", id_number: "3101************85" } });
    const events = await env.DB.prepare("select type, data from verification_events where verification_id = ? order by rowid").bind(v.id).all<{ type: string; data: string }>();
    const types = events.results.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["handoff.created", "handoff.opened", "consent.recorded", "media.stored", "verification.verify"]));
    const consent = events.results.find((e) => e.type === "consent.recorded" && JSON.parse(e.data).kind === "face_processing");
    expect(consent).toBeDefined();
    expect(JSON.stringify(events.results)).not.toContain(me.idNumber);
  });

  it.each([
    ["钱假人", "liveness_failed", "活体检测未通过"],
    ["赵替身", "face_mismatch", "人脸与身份证照片不一致"],
  ])("should tell the phone why %s failed, allow a retry, and fail on the third try", async (name, reason, sentence) => {
    const { testKey, v, link, desktop } = await atPhoneStep(name);
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    expect((await phone.uploadClip(WEBM)).json.state).toBe("capturing");
    const retry = await phone.get("/p");
    expect(retry.html).toContain(`data-reason="${reason}"`);
    expect(textOf(retry.html)).toContain(sentence);
    expect(textOf(retry.html)).toContain("还可尝试 2 次");
    // The desktop says so too, with the same count.
    const watching = textOf((await desktop.open()).html);
    expect(watching).toContain(sentence);
    expect(watching).toContain("还可尝试 2 次");
    await phone.uploadClip(WEBM);
    // Before the third try, both warn that it is the last.
    expect(textOf((await phone.get("/p")).html)).toContain("这是最后一次机会");
    expect(textOf((await desktop.open()).html)).toContain("这是最后一次机会");
    expect((await phone.uploadClip(WEBM)).json.state).toBe("failed");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "failed", failed_attempts: 3, failure_reason: reason });
  });

  it.each([
    ["a text file", new TextEncoder().encode("not a video at all"), "clip_unsupported"],
    ["an empty clip", new Uint8Array(), "clip_empty"],
    ["a clip over 4 MB", Uint8Array.from({ length: 4 * 1024 * 1024 + 1 }, (_, i) => (i < 4 ? [0x1a, 0x45, 0xdf, 0xa3][i]! : 0)), "clip_too_large"],
  ])("should reject %s", async (_, bytes, error) => {
    const { link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    const res = await phone.uploadClip(bytes);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ error, message: expect.any(String) });
    expect((await phone.get("/p")).html).toContain('data-phone="capture"');
  });

  it("should push every state change to the desktop's WebSocket", async () => {
    const { desktop, link } = await atPhoneStep();
    const res = await worker.fetch(
      new Request(`${BASE}/v/${desktop.verificationId}/handoff/live`, {
        headers: { upgrade: "websocket", cookie: [...desktop.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      }),
    );
    expect(res.status).toBe(101);
    const ws = res.webSocket!;
    const states: string[] = [];
    ws.addEventListener("message", (e) => {
      states.push(JSON.parse(e.data as string).state);
    });
    ws.accept();
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    await phone.uploadClip(WEBM);
    await expect.poll(() => states).toEqual(["waiting", "opened", "capturing", "submitted", "verified"]);
    ws.close();
  });

  it("should refuse the live channel and status to anyone not signed in on the desktop", async () => {
    const { v } = await atPhoneStep();
    const res = await worker.fetch(new Request(`${BASE}/v/${v.id}/handoff/live`, { headers: { upgrade: "websocket" } }));
    expect(res.status).not.toBe(101);
  });

  it("should serve the polling fallback as a status fragment", async () => {
    const { desktop } = await atPhoneStep();
    const res = await worker.fetch(
      new Request(`${BASE}/v/${desktop.verificationId}/handoff/status`, { headers: { cookie: [...desktop.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "hx-request": "true" } }),
    );
    const html = await res.text();
    expect(html).toMatch(/^<div id="handoff-status"[^>]*data-state="waiting"/);
    // The fragment carries its own polling, so the swap that brings it keeps the polling going.
    expect(html).toMatch(/hx-get="\/v\/ver_\w+\/handoff\/status" hx-trigger="every 3s" hx-swap="outerHTML"/);
  });
});

describe("ID card capture on the phone", () => {
  function png(): File {
    const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 4, 176, 0, 0, 3, 32, ...new Array(40).fill(0)];
    return new File([Uint8Array.from(bytes)], "id.png", { type: "image/png" });
  }

  it("should take both sides on the phone, check them, and verify the desktop's verification", async () => {
    const id = TEST_IDENTITIES[0];
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["bankcard4"], options: { collect_id_images: true } });
    const desktop = new Applicant(v.id);
    await desktop.signIn(testKey);
    const phoneNumber = "13912340001";
    await desktop.post("/methods/bankcard4", { consent: "yes", name: id.name, id_number: id.idNumber, card_number: id.cardNumber, phone: phoneNumber });
    const { latestCode } = await import("../applicant");
    const photos = await desktop.post("/methods/bankcard4/code", { action: "confirm", code: await latestCode(testKey, phoneNumber) });
    expect(photos.step).toBe("id_photos");
    const link = /<code class="link" data-link[^>]*>([^<]+)<\/code>/.exec(photos.html)![1]!.replace(BASE, "");

    const phone = new Phone();
    await phone.get(link);
    const page = await phone.get("/p");
    expect(page.html).toContain('data-phone="id_capture"');
    expect(page.html).toMatch(/<input type="file" id="f-id_front" name="id_front" accept="image\/jpeg,image\/png" capture="environment"/);

    const bad = new FormData();
    bad.set("id_front", new File(["nope"], "x.jpg", { type: "image/jpeg" }));
    bad.set("id_back", png());
    const refused = await worker.fetch(new Request(`${BASE}/p/id-photos`, { method: "POST", body: bad, headers: { cookie: phone.cookie, accept: "application/json" } }));
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: { id_front: expect.stringContaining("JPG 或 PNG") } });

    const good = new FormData();
    good.set("id_front", png());
    good.set("id_back", png());
    const res = await worker.fetch(new Request(`${BASE}/p/id-photos`, { method: "POST", body: good, headers: { cookie: phone.cookie, accept: "application/json" } }));
    expect(await res.json()).toEqual({ ok: true, state: "verified" });
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", method: "bankcard4" });
    expect((await desktop.open()).html).toContain('data-status="verified"');
    // The phone's last page speaks of the photos, not of a face check.
    const after = await phone.get("/p");
    expect(after.html).toContain('data-phone="verified"');
    expect(textOf(after.html)).toContain("照片已上传，请回到电脑上查看结果。");
  });
});

describe("handoff expiry", () => {
  it("should expire the handoff by its alarm and say so on the phone and the desktop", async () => {
    const { runDurableObjectAlarm } = await import("cloudflare:test");
    const { desktop, link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    const handoffId = phone.cookie.split("=")[1]!.split(".")[0]!;
    const stub = env.HANDOFFS.get(env.HANDOFFS.idFromName(handoffId));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await phone.get("/p")).html).toContain('data-phone="expired"');
    // An hour on, the object forgets the handoff: the phone's session with it.
    const { runInDurableObject } = await import("cloudflare:test");
    await runInDurableObject(stub, async (_o: unknown, state: DurableObjectState) => {
      const record = (await state.storage.get<{ expiresAt: number; updatedAt: number }>("record"))!;
      await state.storage.put("record", { ...record, expiresAt: Date.now() - 2 * 3_600_000, updatedAt: Date.now() - 2 * 3_600_000 });
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, async (_o: unknown, state: DurableObjectState) => (await state.storage.list()).size)).toBe(0);
    expect((await phone.get("/p")).status).toBe(401);
    expect(await runDurableObjectAlarm(stub)).toBe(false);
    // The desktop starts a new handoff with a fresh QR code rather than showing a dead one.
    const again = await desktop.open();
    expect(again.html).toMatch(/<code class="link" data-link[^>]*>/);
    expect(/<code class="link" data-link[^>]*>([^<]+)</.exec(again.html)![1]).not.toContain(link);
  });
});

describe("a phone session acts only on its own step", () => {
  it("should not let an ID-photo link's session pass a face check", async () => {
    const id = TEST_IDENTITIES[0];
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["bankcard4"], options: { collect_id_images: true } });
    const desktop = new Applicant(v.id);
    await desktop.signIn(testKey);
    await desktop.post("/methods/bankcard4", { consent: "yes", name: id.name, id_number: id.idNumber, card_number: id.cardNumber, phone: "13912340003" });
    const { latestCode } = await import("../applicant");
    const photos = await desktop.post("/methods/bankcard4/code", { action: "confirm", code: await latestCode(testKey, "13912340003") });
    const link = /<code class="link" data-link[^>]*>([^<]+)<\/code>/.exec(photos.html)![1]!.replace(BASE, "");
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    await phone.uploadClip(WEBM);
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.status).toBe("in_progress");
  });

  it("should make an older handoff inert once the desktop moved to another", async () => {
    const { testKey, v, desktop, link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    await desktop.post("/handoff/refresh", { channel: "alipay_face" });
    const res = await phone.uploadClip(WEBM);
    expect(res.status).toBe(401);
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.status).toBe("in_progress");
  });
});

describe("what a phone is told", () => {
  it("should say whose verification it is and for whom, masked, on the phone's pages", async () => {
    const { link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    const consent = await phone.get("/p");
    expect(consent.html).toContain("data-about");
    expect(textOf(consent.html)).toMatch(/的实名认证 · 认证人 \*芳/);
    expect(textOf(consent.html)).not.toContain("王芳");
  });

  it("should tell a link opened again after the check passed that the verification is over", async () => {
    const { link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    await phone.post("/p/consent");
    expect((await phone.uploadClip(WEBM)).json.state).toBe("verified");
    const again = await new Phone().get(link);
    expect(again.html).toContain('data-reason="ended"');
    expect(textOf(again.html)).not.toContain("刷新二维码");
  });
});

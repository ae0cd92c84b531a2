// The phone's face capture in Chromium with its fake camera, in zh-CN and en at a phone's size:
// the live preview in the oval before anything is pressed, then a 3-2-1 countdown, recording only
// after it with the seconds left shown, the upload's progress, and the verification verified; a
// refused or missing camera says what to do, and the camera opens again from the button. Each
// stage is saved as a screenshot in bench/out/face-capture/ to be looked at.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { fileBrowser } from "./browser";
import { PHONE_DEVICE } from "./measure";
import { reachRow } from "./pages";
import { BROWSER_LOCALE, type Locale, LOCALES, Reacher } from "./reacher";

const baseUrl = inject("baseUrl");
const key = inject("partnerKey");
const r = new Reacher(baseUrl, key, 13700008000, 53);
const browser = fileBrowser(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
const SHOTS = path.resolve(import.meta.dirname, "../../bench/out/face-capture");

const TEXT = {
  "zh-CN": {
    consent: "同意并开始刷脸",
    start: "开始刷脸",
    camera: "打开摄像头",
    frame: "请把脸放进椭圆框内",
    left: /^还剩 [1-5] 秒$/,
    recording: "正在录制",
    uploading: "正在上传视频",
    denied: "没有获得摄像头权限",
    allow: "在浏览器设置中允许",
    missing: "没有找到摄像头",
    other: "手机号认证或银行卡认证",
  },
  en: {
    consent: "Agree and start",
    start: "Start",
    camera: "Turn on the camera",
    frame: "Place your face inside the oval",
    left: /^[1-5] s left$/,
    recording: "Recording",
    uploading: "Uploading the video",
    denied: "Camera access was refused",
    allow: "allow this site to use the camera",
    missing: "none was found",
    other: "mobile number or bank card",
  },
} as const;

interface Seen {
  at: number;
  what: "count" | "left" | "status" | "record";
  text: string;
}

/**
 * A face verification at the phone's consent page, in a phone-sized context with the fake camera;
 * the page logs every countdown number, seconds-left text, status text and MediaRecorder start with
 * its time, and `window.__camera` set to an error name makes getUserMedia fail with it.
 */
async function atConsent(locale: Locale): Promise<{ page: Page; id: string }> {
  const desktop = await reachRow("continue on phone", r, locale);
  const id = new URL(desktop.url).pathname.split("/")[2]!;
  const phone = await r.openOnPhone(await r.handoffLink(desktop));
  const context = await browser.newContext({ ...PHONE_DEVICE, locale: BROWSER_LOCALE[locale], permissions: ["camera"], extraHTTPHeaders: { "cf-connecting-ip": phone.session.ip } });
  await context.addCookies(phone.cookies);
  await context.addInitScript(() => {
    const w = window as unknown as { __seen: Seen[]; __camera?: string };
    w.__seen = [];
    const log = (what: Seen["what"], text: string) => w.__seen.push({ at: performance.now(), what, text });
    const start = MediaRecorder.prototype.start;
    MediaRecorder.prototype.start = function (this: MediaRecorder, ...args: [number?]) {
      log("record", "start");
      return start.apply(this, args);
    };
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (c) => (w.__camera ? Promise.reject(new DOMException("test", w.__camera)) : open(c));
    document.addEventListener("DOMContentLoaded", () => {
      for (const [what, id] of [
        ["count", "capture-count"],
        ["left", "capture-left"],
        ["status", "capture-status"],
      ] as const) {
        const el = document.getElementById(id);
        if (el) new MutationObserver(() => log(what, el.textContent ?? "")).observe(el, { childList: true, characterData: true, subtree: true });
      }
    });
  });
  const page = await context.newPage();
  await page.goto(phone.url);
  return { page, id };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
/** The preview is live: the video plays frames from the camera. */
const live = (page: Page) =>
  page.waitForFunction(() => {
    const v = document.querySelector<HTMLVideoElement>("#capture-video");
    return !!v && !v.paused && v.readyState >= 2 && v.videoWidth > 0 && v.currentTime > 0.2;
  });

describe.each(LOCALES)("face capture on the phone in %s", (locale) => {
  const text = TEXT[locale];
  mkdirSync(SHOTS, { recursive: true });

  it("should show the live camera before the button, count 3-2-1, record with the seconds left, upload and verify", async () => {
    const { page, id } = await atConsent(locale);
    await page.getByRole("button", { name: text.consent }).click();
    await live(page);
    const start = page.getByRole("button", { name: text.start, exact: true });
    await expect.poll(() => start.isEnabled()).toBe(true);
    expect(await page.locator("#capture-status").textContent()).toContain(text.frame);
    expect(await page.locator("#capture-rec").isVisible()).toBe(false);
    expect((await seen(page)).filter((s) => s.what === "record")).toEqual([]);
    await shot(page, `${locale}-1-preview`);

    await start.click();
    await page.locator("#capture-count").filter({ hasText: "2" }).waitFor();
    expect(await page.locator("#capture-count").getAttribute("aria-live")).toBe("assertive");
    await shot(page, `${locale}-2-countdown`);

    await page.locator("#capture-rec.on").waitFor();
    expect(await page.locator("#capture-rec").textContent()).toContain(text.recording);
    expect(await page.locator("#capture-left").textContent()).toMatch(text.left);
    expect(await page.locator("#capture-oval").getAttribute("class")).toContain("recording");
    expect(await page.locator("#capture-video").isVisible()).toBe(true);
    await shot(page, `${locale}-3-recording`);
    // A slow uplink, so the upload's progress is on screen long enough to be seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 100, downloadThroughput: 500_000, uploadThroughput: 20_000 });

    const answered = page.waitForResponse((res) => res.url().endsWith("/p/clip"), { timeout: 30_000 });
    // The upload's progress in per cent, then what the page logged before it moves on to /p.
    await page
      .locator("#capture-status")
      .filter({ hasText: new RegExp(`^${text.uploading}… \\d+%$`) })
      .waitFor({ timeout: 10_000 });
    await shot(page, `${locale}-4-uploading`);
    const log = await seen(page);
    // Its body is gone once the page moves on to /p: the status and the verified page say it was taken.
    expect((await answered).status()).toBe(200);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect.poll(() => page.locator("[data-phone]").getAttribute("data-phone"), { timeout: 10_000 }).toBe("verified");
    await shot(page, `${locale}-5-verified`);

    const counts = log.filter((s) => s.what === "count" && s.text !== "").map((s) => s.text);
    expect(counts).toEqual(["3", "2", "1"]);
    // Recording starts once the countdown has run out, never before.
    const one = log.find((s) => s.what === "count" && s.text === "1")!;
    const recorded = log.filter((s) => s.what === "record");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.at - one.at).toBeGreaterThanOrEqual(950);
    const left = [...new Set(log.filter((s) => s.what === "left").map((s) => Number(/\d+/.exec(s.text)?.[0])))];
    expect(left[0]).toBe(5);
    expect(left.at(-1)).toBe(1);
    expect(left).toEqual([...left].sort((a, b) => b - a));

    const api = await (await fetch(`${baseUrl}/v1/verifications/${id}`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(api).toMatchObject({ status: "verified", method: "face" });
    await page.context().close();
  });

  it("should say what to do when the camera is refused, and open it from the button once allowed", async () => {
    const { page } = await atConsent(locale);
    await page.context().addInitScript(() => {
      (window as unknown as { __camera?: string }).__camera = "NotAllowedError";
    });
    await page.getByRole("button", { name: text.consent }).click();
    const problem = page.locator("#camera-problem");
    await problem.waitFor({ state: "visible" });
    expect(await problem.getAttribute("role")).toBe("alert");
    const said = (await problem.locator("p:visible, li:visible").allTextContents()).join(" ");
    expect(said).toContain(text.denied);
    expect(said).toContain(text.allow);
    expect(said).toContain(text.other);
    expect(said).not.toContain(text.missing);
    expect(await page.getByRole("button", { name: text.start, exact: true }).isVisible()).toBe(false);
    await shot(page, `${locale}-6-denied`);

    // Allowed in the settings: the button opens the camera, and the preview is live.
    await page.evaluate(() => {
      (window as unknown as { __camera?: string }).__camera = "";
    });
    await page.getByRole("button", { name: text.camera }).click();
    await live(page);
    expect(await problem.isVisible()).toBe(false);
    await page.getByRole("button", { name: text.start, exact: true }).waitFor();
    await page.context().close();
  });

  it("should say what to do when there is no camera", async () => {
    const { page } = await atConsent(locale);
    await page.context().addInitScript(() => {
      (window as unknown as { __camera?: string }).__camera = "NotFoundError";
    });
    await page.getByRole("button", { name: text.consent }).click();
    const problem = page.locator("#camera-problem");
    await problem.waitFor({ state: "visible" });
    const said = (await problem.locator("p:visible, li:visible").allTextContents()).join(" ");
    expect(said).toContain(text.missing);
    expect(said).toContain(text.other);
    expect(said).not.toContain(text.allow);
    await shot(page, `${locale}-7-no-camera`);
    await page.context().close();
  });
});

import jsQR from "jsqr";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { describe, expect, inject, it } from "vitest";
import { SANDBOX_NAMES, TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { agreeAndContinue, createVerification, fileBrowser, latestCode as latestSmsCode, signInOnDesktop, typeOtherPhone } from "./browser";

const baseUrl = inject("baseUrl");
const key = inject("partnerKey");
// Chromium's fake camera: a generated test pattern stands in for a face, and no permission prompt.
const browser = fileBrowser(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);

function latestCode(phone: string): Promise<string> {
  return latestSmsCode(baseUrl, key, phone);
}

/** The desktop signed in with `phone` (each test names its own, so none shares another's SMS limits) and at the QR code. */
async function desktopAtQr(page: Page, phone: string, name: string = TEST_IDENTITIES[2].name) {
  const me = TEST_IDENTITIES[2];
  const v = await createVerification(baseUrl, key, { type: "person", methods: ["face"] });
  await page.goto(v.url);
  await signInOnDesktop(page, baseUrl, key, phone);
  await page.getByLabel("姓名", { exact: true }).fill(name);
  await page.getByLabel("身份证号").fill(me.idNumber);
  await agreeAndContinue(page);
  await page.locator("#handoff-qr svg").waitFor();
  return v;
}

/** Reads the QR code the way a phone camera would: from pixels, not from the DOM. */
async function readQr(page: Page) {
  const png = PNG.sync.read(await page.screenshot({ fullPage: true }));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error("no QR code found in the screenshot");
  return code;
}

async function decodeQr(page: Page): Promise<string> {
  return (await readQr(page)).data;
}

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "zh-CN", permissions: ["camera"] });
  return context.newPage();
}

describe("desktop-to-phone handoff in Chromium", () => {
  it("should let a phone scan the QR code, pass the face check, and update the desktop within a second", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const v = await desktopAtQr(desktop, "13700007001");
    const qr = await readQr(desktop);
    const link = qr.data;
    expect(link).toMatch(new RegExp(`^${baseUrl}/p/[0-9A-HJKMNP-TV-Z]{20}$`));
    // A short link makes a sparse code (it was version 13 with the signed token): quick to read off a screen.
    expect(qr.version).toBeLessThanOrEqual(4);
    expect(await desktop.locator("[data-link]").textContent()).toBe(link);

    const phone = await phonePage();
    await phone.goto(link);
    expect(new URL(phone.url()).pathname).toBe("/p");
    await expect.poll(() => desktop.locator("#handoff-status").getAttribute("data-state")).toBe("opened");
    expect(await desktop.locator("#handoff-qr").isHidden()).toBe(true);

    await phone.getByRole("button", { name: "同意并开始刷脸" }).click();
    await phone.getByRole("button", { name: "开始刷脸" }).click();
    await expect.poll(() => desktop.locator("#handoff-status").getAttribute("data-state"), { timeout: 5000 }).toBe("capturing");
    const clip = await phone.waitForResponse((r) => r.url().endsWith("/p/clip"), { timeout: 15_000 });
    const phoneDoneAt = Date.now();
    expect(clip.status()).toBe(200);
    await desktop.waitForFunction(() => document.querySelector("#handoff-status")?.getAttribute("data-state") === "verified" || document.querySelector("[data-step=result]"), null, { timeout: 5000 });
    const desktopUpdatedAt = Date.now();
    expect(desktopUpdatedAt - phoneDoneAt).toBeLessThan(1000);
    await expect.poll(() => desktop.getByRole("heading", { level: 1 }).textContent()).toBe("认证成功");
    await expect.poll(() => phone.locator("[data-phone]").getAttribute("data-phone")).toBe("verified");
    const api = await (await fetch(`${baseUrl}/v1/verifications/${v.id}`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(api).toMatchObject({ status: "verified", method: "face" });
    await phone.context().close();
    await desktop.close();
  });

  it("should count the QR code down, replace it when it runs out, and let a phone type the code instead", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await desktop.clock.install();
    await desktopAtQr(desktop, "13700007031");
    const first = await decodeQr(desktop);
    await desktop.clock.runFor(2_000);
    await expect.poll(() => desktop.locator("[data-valid]").textContent()).toMatch(/二维码还剩 4:5\d 失效/);
    // Five minutes on: the old code is dead, and the page shows a new one by itself.
    await desktop.clock.runFor(5 * 60_000);
    await desktop.locator("#handoff-qr svg").waitFor();
    await expect.poll(() => decodeQr(desktop), { timeout: 10_000 }).not.toBe(first);
    const code = (await desktop.locator("[data-code]").textContent())!;
    expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    await desktop.screenshot({ path: "bench/out/screenshots/desktop-qr-code.png", fullPage: true });

    const phone = await phonePage();
    await phone.goto(`${baseUrl}/p`);
    await phone.screenshot({ path: "bench/out/screenshots/phone-code-entry.png", fullPage: true });
    await phone.getByLabel("代码").fill(code.toLowerCase());
    await phone.getByRole("button", { name: "继续" }).click();
    await expect.poll(() => phone.locator("[data-phone]").getAttribute("data-phone")).toBe("consent");
    await expect.poll(() => desktop.locator("#handoff-status").getAttribute("data-state")).toBe("opened");
    await phone.screenshot({ path: "bench/out/screenshots/phone-code-entry-after.png" });
    await phone.context().close();
    await desktop.close();
  });

  it("should go through Alipay (sandbox) from a scanned QR code and update the desktop within a second", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const v = await desktopAtQr(desktop, "13700007002");
    await desktop.getByRole("button", { name: "改用支付宝刷脸" }).click();
    await desktop.locator('[data-channel="alipay_face"]').waitFor();
    await desktop.locator("#handoff-qr svg").waitFor();
    const phone = await phonePage();
    await phone.goto(await decodeQr(desktop));
    await phone.getByRole("button", { name: "打开支付宝刷脸" }).click();
    // The sandbox's stand-in for the Alipay app; the desktop meanwhile says the check is in Alipay.
    expect(new URL(phone.url()).pathname).toBe("/p/alipay/sandbox");
    await expect.poll(() => desktop.locator("#handoff-status").textContent()).toContain("正在支付宝中刷脸");
    await phone.getByRole("link", { name: "在支付宝中完成刷脸" }).click();
    const backAt = Date.now();
    await desktop.waitForFunction(() => document.querySelector("#handoff-status")?.getAttribute("data-state") === "verified" || document.querySelector("[data-step=result]"), null, { timeout: 5000 });
    expect(Date.now() - backAt).toBeLessThan(1000);
    await expect.poll(() => phone.locator("[data-phone]").getAttribute("data-phone")).toBe("verified");
    await expect.poll(() => desktop.getByRole("heading", { level: 1 }).textContent()).toBe("认证成功");
    const api = await (await fetch(`${baseUrl}/v1/verifications/${v.id}`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(api).toMatchObject({ status: "verified", method: "face" });
    await phone.context().close();
    await desktop.close();
  });

  it("should follow a failed Alipay check on the desktop by itself: the stale notice gone, why it failed, the tries left, each time", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await desktopAtQr(desktop, "13700007007", SANDBOX_NAMES.livenessFailed);
    await desktop.getByRole("button", { name: "改用支付宝刷脸" }).click();
    await desktop.locator('[data-channel="alipay_face"]').waitFor();
    // Asked too early: the desktop says the phone has not started.
    await desktop.getByRole("button", { name: "我已在支付宝完成，查询认证结果" }).click();
    await desktop.locator("#alipay-notice").waitFor();
    const phone = await phonePage();
    await phone.goto(await decodeQr(desktop));
    await phone.getByRole("button", { name: "打开支付宝刷脸" }).click();
    // The phone moved on: the notice that it had not started goes, without a reload.
    await expect.poll(() => desktop.locator("#handoff-status").textContent()).toContain("正在支付宝中刷脸");
    expect(await desktop.locator("#alipay-notice").count()).toBe(0);
    for (const left of ["还可尝试 2 次。", "这是最后一次机会"]) {
      await phone.getByRole("link", { name: "在支付宝中完成刷脸" }).click();
      await expect.poll(() => desktop.locator("#handoff-status").textContent(), { timeout: 5000 }).toContain(left);
      const status = (await desktop.locator("#handoff-status").textContent()) ?? "";
      expect(status).toContain("等待在手机上重试…");
      expect(status).toContain("支付宝没能确认是本人在刷脸");
      expect(status).not.toContain("正在支付宝中刷脸");
      await desktop.screenshot({ path: `bench/out/alipay-failed-desktop-${left.length}.png`, fullPage: true });
      await phone.goto(`${baseUrl}/p`);
      await phone.getByRole("button", { name: "打开支付宝刷脸" }).click();
    }
    await phone.context().close();
    await desktop.close();
  });

  it("should tell a second phone that the link was used, and resume the first after a reload", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN" });
    await desktopAtQr(desktop, "13700007003");
    const link = await decodeQr(desktop);
    const phone = await phonePage();
    await phone.goto(link);
    await phone.getByRole("button", { name: "同意并开始刷脸" }).click();
    await phone.getByRole("button", { name: "开始刷脸" }).waitFor();
    const prompts = await phone.locator("#capture").getAttribute("data-prompts");
    await phone.reload();
    expect(await phone.locator("#capture").getAttribute("data-prompts")).toBe(prompts);

    const other = await phonePage();
    const res = await other.goto(link);
    expect(res?.status()).toBe(410);
    expect(await other.locator("[data-reason]").textContent()).toContain("这个链接已经使用过了");
    await other.context().close();
    await phone.context().close();
    await desktop.close();
  });

  it("should void the old QR code when the desktop asks for a new one", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN" });
    await desktopAtQr(desktop, "13700007004");
    const old = await decodeQr(desktop);
    await desktop.getByRole("button", { name: "刷新二维码" }).click();
    await expect.poll(async () => (await desktop.locator("[data-link]").textContent()) !== old).toBe(true);
    const fresh = await decodeQr(desktop);
    const phone = await phonePage();
    expect((await phone.goto(old))?.status()).toBe(410);
    expect(await phone.locator("[data-reason]").getAttribute("data-reason")).toBe("replaced");
    await phone.goto(fresh);
    expect(await phone.locator("[data-phone]").getAttribute("data-phone")).toBe("consent");
    await phone.context().close();
    await desktop.close();
  });

  it("should offer what works where the browser has no camera", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN" });
    await desktopAtQr(desktop, "13700007005");
    const link = await decodeQr(desktop);
    const phone = await phonePage();
    await phone.addInitScript(() => {
      Object.defineProperty(window, "MediaRecorder", { value: undefined });
    });
    await phone.goto(link);
    await phone.getByRole("button", { name: "同意并开始刷脸" }).click();
    await phone.locator("#no-camera").waitFor({ state: "visible" });
    const text = await phone.locator("#no-camera").textContent();
    expect(text).toContain("在浏览器中打开");
    expect(text).toContain("手机号认证或银行卡认证");
    await phone.context().close();
    await desktop.close();
  });
});

describe("ID card capture on the phone in Chromium", () => {
  it("should resize large photos on the phone before upload and verify the desktop", async () => {
    const { PNG } = await import("pngjs");
    const me = TEST_IDENTITIES[0];
    // A camera-sized photo with sensor-like noise, so PNG cannot shrink it: a few megabytes.
    const photo = new PNG({ width: 3000, height: 2000 });
    let seed = 7;
    const noise = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >> 16) % 24;
    };
    for (let i = 0; i < photo.data.length; i += 4) {
      const x = (i / 4) % 3000;
      photo.data[i] = (x / 12 + noise()) & 255;
      photo.data[i + 1] = (i / 4 / 3000 / 8 + noise()) & 255;
      photo.data[i + 2] = 128 + noise();
      photo.data[i + 3] = 255;
    }
    const big = PNG.sync.write(photo);

    const desktop = await browser.newPage({ locale: "zh-CN" });
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["bankcard4"], options: { collect_id_images: true } });
    const signInPhone = "13700007106";
    const cardPhone = "13700007206";
    await desktop.goto(v.url);
    await signInOnDesktop(desktop, baseUrl, key, signInPhone);
    await desktop.getByLabel("姓名", { exact: true }).fill(me.name);
    await desktop.getByLabel("身份证号").fill(me.idNumber);
    await desktop.getByLabel("银行卡号").fill(me.cardNumber);
    await typeOtherPhone(desktop, cardPhone);
    await agreeAndContinue(desktop);
    await desktop.getByLabel("短信验证码").fill(await latestCode(cardPhone));
    await desktop.getByRole("button", { name: "提交验证" }).click();
    await desktop.locator("#handoff-qr svg").waitFor();

    const phone = await phonePage();
    // Records what the page hands to fetch: the files as they leave the phone.
    await phone.addInitScript(() => {
      const sent: { name: string; type: string; size: number; width: number; height: number }[] = [];
      (window as unknown as { __sent: typeof sent }).__sent = sent;
      const original = window.fetch;
      window.fetch = async (input, init) => {
        if (init?.body instanceof FormData) {
          for (const [name, value] of init.body.entries()) {
            if (value instanceof Blob) {
              const bitmap = await createImageBitmap(value);
              sent.push({ name, type: value.type, size: value.size, width: bitmap.width, height: bitmap.height });
            }
          }
        }
        return original(input, init);
      };
    });
    await phone.goto(await decodeQr(desktop));
    expect(await phone.locator("[data-phone]").getAttribute("data-phone")).toBe("id_capture");
    await phone.setInputFiles("#f-id_front", { name: "front.png", mimeType: "image/png", buffer: big });
    await phone.setInputFiles("#f-id_back", { name: "back.png", mimeType: "image/png", buffer: big });
    await phone.getByRole("button", { name: "上传照片" }).click();
    await phone.waitForRequest((r) => r.url().endsWith("/p/id-photos"));
    const sent = await phone.evaluate(() => (window as unknown as { __sent: { name: string; type: string; size: number; width: number; height: number }[] }).__sent);
    expect(big.length).toBeGreaterThan(2_000_000);
    expect(sent.map((f) => f.name)).toEqual(["id_front", "id_back"]);
    for (const file of sent) {
      expect(file.type).toBe("image/jpeg");
      expect(Math.max(file.width, file.height)).toBe(1600);
      expect(file.size).toBeLessThan(320 * 1024);
    }
    await expect.poll(() => desktop.getByRole("heading", { level: 1 }).textContent(), { timeout: 10_000 }).toBe("认证成功");
    await phone.context().close();
    await desktop.close();
  });
});

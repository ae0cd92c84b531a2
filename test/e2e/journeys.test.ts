import { LEGAL_VERSION } from "../../src/flow/legal-version";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { describe, expect, inject, it } from "vitest";
import { SANDBOX_CARDS, SANDBOX_ID_NUMBERS, TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { agreeAndContinue, createVerification, fileBrowser, latestCode as latestSmsCode, signInOnDesktop, typeOtherPhone } from "./browser";

const baseUrl = inject("baseUrl");
const key = inject("partnerKey");
const browser = fileBrowser();

function latestCode(phone: string): Promise<string> {
  return latestSmsCode(baseUrl, key, phone);
}

function signIn(page: Page, phone: string) {
  return signInOnDesktop(page, baseUrl, key, phone);
}

// Each test uses its own phone so the send limits of one never touch another.
const phoneFor = (n: number) => `1370000${String(1000 + n)}`;

describe("person verification in Chromium", () => {
  it("should complete mobile3 with htmx swapping steps in place, then return to the partner", async () => {
    const me = TEST_IDENTITIES[0];
    const v = await createVerification(baseUrl, key, { type: "person", redirect_url: `${baseUrl}/healthz` });
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(v.url);
    await signIn(page, phoneFor(0));
    await page.getByRole("button", { name: /手机号认证/ }).click();
    await page.getByLabel("姓名", { exact: true }).fill(me.name);
    await page.getByLabel("身份证号").fill(me.idNumber);
    await typeOtherPhone(page, phoneFor(10));
    await agreeAndContinue(page);
    await expect.poll(() => page.locator("[data-step]").getAttribute("data-step")).toBe("code");
    // Swapped in place (no page load); the address names the step, so Back comes back to the form.
    expect(page.url()).toBe(`${v.url}?step=code`);
    await page.getByLabel("短信验证码").fill(await latestCode(phoneFor(10)));
    await page.getByRole("button", { name: "提交验证" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("认证成功");
    await page.waitForURL(/\/healthz\?verification_id=/, { timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get("status")).toBe("verified");
    await page.close();
  });

  it.each([
    ["zh-CN", 70, "登录所用的手机号", "修改"],
    ["en", 71, "the number you signed in with", "Change"],
  ] as const)("should verify mobile3 with the sign-in phone at once, with one SMS in all, in %s (screenshots)", async (locale, n, caption, change) => {
    const me = TEST_IDENTITIES[0];
    const shots = path.resolve(import.meta.dirname, "../../bench/out/screenshots");
    mkdirSync(shots, { recursive: true });
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["mobile3"], locale });
    const page = await browser.newPage({ locale: locale === "en" ? "en-US" : "zh-CN", viewport: { width: 1280, height: 900 } });
    await page.goto(v.url);
    await signInById(page, phoneFor(n));
    await page.locator("[data-step=method_form]").waitFor();
    // The sign-in phone, masked in the field's place; the full number is nowhere in the page.
    const phone = page.locator("#f-phone-wrap");
    expect(await phone.locator("summary .value").textContent()).toBe(`137****${1000 + n}`);
    expect(await phone.locator("summary .from").textContent()).toBe(caption);
    expect(await phone.locator("summary .change").textContent()).toContain(change);
    expect(await page.locator("#f-phone").isVisible()).toBe(false);
    expect(await page.content()).not.toContain(phoneFor(n));
    await page.locator("main").screenshot({ path: path.join(shots, `method-form-sign-in-phone-${locale}.png`) });

    // Name and ID number only; without the tick, the error sits by the consent and nothing typed is lost.
    await page.locator("#f-name").fill(me.name);
    await page.locator("#f-id_number").fill(me.idNumber);
    await page.locator("form button[type=submit]:not([value])").last().click();
    await page.locator("#f-consent-error").waitFor();
    expect(await page.locator("#f-name").inputValue()).toBe(me.name);
    expect(await page.locator("#f-id_number").inputValue()).toBe(me.idNumber);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-consent");
    await page.locator("main").screenshot({ path: path.join(shots, `method-form-consent-missing-${locale}.png`) });

    // Change reveals an empty input; closed again, the sign-in phone stands.
    await phone.locator("summary").click();
    expect(await page.locator("#f-phone").isVisible()).toBe(true);
    expect(await page.locator("#f-phone").inputValue()).toBe("");
    await phone.screenshot({ path: path.join(shots, `method-form-change-open-${locale}.png`) });
    await phone.locator("summary").click();

    await agreeAndContinue(page);
    await expect.poll(() => page.locator("h1").getAttribute("data-status")).toBe("verified");
    const sms = await fetch(`${baseUrl}/v1/test_helpers/sms?phone=${phoneFor(n)}`, { headers: { authorization: `Bearer ${key}` } });
    expect(((await sms.json()) as { data: unknown[] }).data).toHaveLength(1);
    const evidence = (await (await fetch(`${baseUrl}/v1/verifications/${v.id}/evidence`, { headers: { authorization: `Bearer ${key}` } })).json()) as { jws: string };
    const record = JSON.parse(Buffer.from(evidence.jws.split(".")[1]!, "base64url").toString()) as { consents: { kind: string; text_version: string }[] };
    expect(JSON.stringify(record).match(/"sms\.sent"/g)).toHaveLength(1);
    expect(JSON.stringify(record)).toContain("method.phone_proven");
    expect(record.consents.map((c) => [c.kind, c.text_version])).toEqual([
      ["app_authorization", LEGAL_VERSION],
      ["method_processing", LEGAL_VERSION],
    ]);
    await page.close();
  });

  it("should go back a step with the browser's Back button, and forward again", async () => {
    const me = TEST_IDENTITIES[0];
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["mobile3", "face"] });
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(v.url);
    await signIn(page, phoneFor(41));
    await page.getByRole("button", { name: /手机号认证/ }).click();
    await expect.poll(() => page.locator("[data-step]").getAttribute("data-step")).toBe("method_form");
    await page.getByLabel("姓名", { exact: true }).fill(me.name);
    await page.getByLabel("身份证号").fill(me.idNumber);
    await typeOtherPhone(page, phoneFor(42));
    await agreeAndContinue(page);
    await expect.poll(() => page.locator("[data-step]").getAttribute("data-step")).toBe("code");
    await page.goBack();
    await expect.poll(() => page.locator("[data-step]").getAttribute("data-step")).toBe("method_form");
    expect(await page.getByLabel("姓名", { exact: true }).inputValue()).toBe(me.name);
    await page.goBack();
    await expect.poll(() => page.locator("[data-step]").getAttribute("data-step")).toBe("choose_method");
    expect(new URL(page.url()).pathname).toBe(new URL(v.url).pathname);
    await page.close();
  });

  it("should show a carrier failure next to the form and keep what was typed", async () => {
    const me = TEST_IDENTITIES[1];
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["mobile3"] });
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(v.url);
    await signIn(page, phoneFor(1));
    await page.getByLabel("姓名", { exact: true }).fill("王不符");
    await page.getByLabel("身份证号").fill(me.idNumber);
    await typeOtherPhone(page, me.phone);
    await agreeAndContinue(page);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("姓名与身份证号不一致");
    expect(await page.getByLabel("身份证号").inputValue()).toBe(me.idNumber);
    await page.close();
  });

  it("should focus the first field in error and tie the message to it", async () => {
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["bankcard4"] });
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(v.url);
    await signIn(page, phoneFor(2));
    await page.getByLabel("姓名", { exact: true }).fill("张三");
    await page.getByLabel("身份证号").fill("110101199003071234");
    await agreeAndContinue(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-id_number");
    const described = await page.locator("#f-id_number").getAttribute("aria-describedby");
    expect(await page.locator(`#${described}`).textContent()).toContain("校验位不正确");
    await page.close();
  });

  it("should take face to its first step and say to continue on the phone", async () => {
    const me = TEST_IDENTITIES[2];
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["face"], locale: "en" });
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(v.url);
    await page.getByLabel("Mobile number").fill(phoneFor(3));
    await page.getByRole("button", { name: "Get code" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("We sent a code");
    await page.getByLabel("SMS code").fill(await latestCode(phoneFor(3)));
    await page.getByLabel(/I have read and agree/).check();
    await page.getByRole("button", { name: "Sign in and authorize" }).click();
    await page.getByLabel("Name").fill(me.name);
    await page.getByLabel("ID number").fill(me.idNumber);
    await agreeAndContinue(page);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Continue on your phone");
    await page.close();
  });

  it("should complete bankcard4 with JavaScript disabled, through plain form posts", async () => {
    const me = TEST_IDENTITIES[0];
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["bankcard4"] });
    await page.goto(v.url);
    await page.getByLabel("手机号", { exact: true }).fill(phoneFor(4));
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByLabel("短信验证码").fill(await latestCode(phoneFor(4)));
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole("button", { name: "登录并授权" }).click();
    await page.getByLabel("姓名", { exact: true }).fill(me.name);
    await page.getByLabel("身份证号").fill(me.idNumber);
    await page.getByLabel("银行卡号").fill(me.cardNumber);
    await typeOtherPhone(page, phoneFor(14));
    await agreeAndContinue(page);
    await page.getByLabel("短信验证码").fill(await latestCode(phoneFor(14)));
    await page.getByRole("button", { name: "提交验证" }).click();
    expect(await page.locator("main").textContent(), await page.content()).toContain("认证成功");
    expect(page.url()).toBe(v.url);
    await context.close();
  });

  const me = TEST_IDENTITIES[1];
  let signIns = 0;
  it.each([
    ["mobile3", { 手机号: "13800130002" }, "phone_not_registered_to_id"],
    ["bankcard4", { 手机号: "13800130002" }, "card_phone_mismatch"],
    ["bankcard4", { 银行卡号: SANDBOX_CARDS.notSupported }, "card_not_supported"],
    ["bankcard4", { 姓名: "王不符" }, "name_id_mismatch"],
    ["face", { 身份证号: SANDBOX_ID_NUMBERS.notFound }, "id_not_found"],
    ["face", { 身份证号: SANDBOX_ID_NUMBERS.expired }, "id_expired"],
    ["face", { 姓名: "王不符" }, "name_id_mismatch"],
  ] as const)("should show %s's magic failure %o as %s", async (method, change, reason) => {
    const v = await createVerification(baseUrl, key, { type: "person", methods: [method] });
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(v.url);
    signIns += 1;
    await signIn(page, phoneFor(20 + signIns));
    await page.getByRole("button", { name: "同意并继续" }).waitFor();
    const values: Record<string, string> = { 姓名: me.name, 身份证号: me.idNumber, 银行卡号: me.cardNumber, 手机号: me.phone, ...change };
    for (const [label, value] of Object.entries(values)) {
      const field = page.getByLabel(label, { exact: true });
      if (label === "手机号" && (await field.count())) await typeOtherPhone(page, value);
      else if (await field.count()) await field.fill(value);
    }
    await agreeAndContinue(page);
    await expect.poll(() => page.locator("[role=alert]").getAttribute("data-reason"), { timeout: 5000 }).toBe(reason);
    await page.close();
  });
});

/** App authorization by the fields' ids, in either language: phone, the code it was sent, consent. */
async function signInById(page: Page, phone: string) {
  await page.locator("#f-phone").fill(phone);
  await page.locator("button[value=send_code]").click();
  await page.locator("[role=status]").first().waitFor();
  await page.locator("#f-code").fill(await latestCode(phone));
  await page.locator("#f-consent").check();
  await page.locator("button[value=authorize]:not([data-default-action])").click();
}

/** bankcard4 with ID photos, signed in and past its code: the desktop at 上传身份证件. */
async function atIdPhotos(page: Page, locale: "zh-CN" | "en", signInPhone: string, cardPhone: string) {
  const me = TEST_IDENTITIES[0];
  const v = await createVerification(baseUrl, key, { type: "person", methods: ["bankcard4"], options: { collect_id_images: true }, locale });
  await page.goto(v.url);
  await signInById(page, signInPhone);
  await page.locator("#f-name").fill(me.name);
  await page.locator("#f-id_number").fill(me.idNumber);
  await page.locator("#f-card_number").fill(me.cardNumber);
  await typeOtherPhone(page, cardPhone);
  await agreeAndContinue(page);
  await page.locator("[data-step=code]").waitFor();
  await page.locator("#f-code").fill(await latestCode(cardPhone));
  await page.locator("button[value=confirm]").click();
  await page.locator("[data-step=id_photos]").waitFor();
  return v;
}

/** A camera-sized JPEG (4000 × 3000) of sensor-like noise, encoded by Chromium's canvas: well over 5 MB. */
async function cameraJpeg(page: Page, quality = 0.97): Promise<Buffer> {
  const base64 = await page.evaluate(async (q) => {
    const c = document.createElement("canvas");
    c.width = 4000;
    c.height = 3000;
    const g = c.getContext("2d")!;
    const pixels = g.createImageData(c.width, c.height);
    let seed = 11;
    for (let i = 0; i < pixels.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = (seed >> 16) % 96;
      const x = (i / 4) % c.width;
      pixels.data[i] = (x / 16 + n) & 255;
      pixels.data[i + 1] = (i / 4 / c.width / 12 + n) & 255;
      pixels.data[i + 2] = 96 + n;
      pixels.data[i + 3] = 255;
    }
    g.putImageData(pixels, 0, 0);
    const blob = await new Promise<Blob>((resolve) => c.toBlob((b) => resolve(b!), "image/jpeg", q));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, quality);
  return Buffer.from(base64, "base64");
}

/** How much of a screenshot is the sample's emblem red (国徽面) or a chosen photo's blue-grey: the picture is really drawn. */
function share(png: Buffer, match: (r: number, g: number, b: number) => boolean): number {
  const image = PNG.sync.read(png);
  let hits = 0;
  for (let i = 0; i < image.data.length; i += 4) if (match(image.data[i]!, image.data[i + 1]!, image.data[i + 2]!)) hits += 1;
  return hits / (image.width * image.height);
}

describe("desktop ID photos in Chromium", () => {
  const shots = path.resolve(import.meta.dirname, "../../bench/out/screenshots");

  it("should resize a 12 MB camera JPEG before upload, preview it, and move on", async () => {
    const page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await atIdPhotos(page, "zh-CN", phoneFor(60), phoneFor(61));
    const big = await cameraJpeg(page);
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    // With the script, the hint no longer asks for 5 MB at most.
    expect(await page.locator("#f-id_front-hint").textContent()).toContain("上传前会自动压缩");

    const front = page.locator("[data-photo=id_front]");
    await page.setInputFiles("#f-id_front", { name: "IMG_20260101_front.jpg", mimeType: "image/jpeg", buffer: big });
    await front.locator("[data-chosen]").waitFor();
    expect(await front.locator("[data-sample]").isHidden()).toBe(true);
    expect(await front.locator("[data-chosen] figcaption").textContent()).toBe("IMG_20260101_front.jpg");
    await expect.poll(() => front.locator("[data-chosen] img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4000);
    expect(await front.locator("[data-chosen] img").getAttribute("alt")).toBe("已选择的身份证人像面照片");
    // Choose another: the button opens the file chooser, and the new file replaces the preview.
    const again = page.getByRole("button", { name: "重新选择 身份证人像面照片" });
    const chooser = page.waitForEvent("filechooser");
    await again.click();
    await (await chooser).setFiles({ name: "IMG_20260101_front2.jpg", mimeType: "image/jpeg", buffer: big });
    await expect.poll(() => front.locator("[data-chosen] figcaption").textContent()).toBe("IMG_20260101_front2.jpg");
    await page.setInputFiles("#f-id_back", { name: "IMG_20260101_back.jpg", mimeType: "image/jpeg", buffer: big });
    await page.locator("[data-photo=id_back] [data-chosen]").waitFor();
    // The files the form now holds: resized to 1600 px, JPEG, a few hundred KB.
    await expect.poll(() => page.locator("form:has([data-photo]) button[type=submit]").isEnabled()).toBe(true);
    const held = await page.evaluate(async () =>
      Promise.all(
        ["f-id_front", "f-id_back"].map(async (id) => {
          const file = (document.getElementById(id) as HTMLInputElement).files![0]!;
          const bitmap = await createImageBitmap(file);
          return { type: file.type, size: file.size, side: Math.max(bitmap.width, bitmap.height) };
        }),
      ),
    );
    for (const file of held) expect(file).toMatchObject({ type: "image/jpeg", side: 1600, size: expect.any(Number) });
    for (const file of held) expect(file.size).toBeLessThan(1024 * 1024);

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "id-photos-chosen-zh-CN.png"), fullPage: true });
    const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/id-photos"));
    await page.getByRole("button", { name: "上传并核验" }).click();
    const request = await sent;
    expect((request.postDataBuffer()?.length ?? 0) < 2 * 1024 * 1024, "the upload is the resized photos").toBe(true);
    expect((await request.response())?.status()).toBe(200);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("认证成功");
    await page.close();
  });

  it.each([
    ["zh-CN", 62, 63],
    ["en", 64, 65],
  ] as const)("should show both sides' samples, then a preview, in %s (screenshots)", async (locale, signIn, card) => {
    const page = await browser.newPage({ locale: locale === "en" ? "en-US" : "zh-CN", viewport: { width: 1280, height: 900 } });
    await atIdPhotos(page, locale, phoneFor(signIn), phoneFor(card));
    mkdirSync(shots, { recursive: true });
    const form = page.locator("form:has([data-photo])");
    await form.screenshot({ path: path.join(shots, `id-photos-samples-${locale}.png`) });
    for (const side of ["id_front", "id_back"]) {
      const sample = page.locator(`[data-photo=${side}] [data-sample]`);
      const box = await sample.locator("svg").boundingBox();
      expect(box!.width, `${side} sample drawn`).toBeGreaterThan(150);
      expect(box!.height / box!.width).toBeCloseTo(54 / 86, 1);
      expect((await sample.locator("figcaption").textContent())!.length).toBeGreaterThan(4);
    }
    // The emblem side's sample carries its red emblem; the portrait side's does not.
    const red = (r: number, g: number, b: number) => r > 170 && g < 80 && b < 80;
    expect(share(await page.locator("[data-photo=id_back] svg").screenshot(), red)).toBeGreaterThan(0.02);
    expect(share(await page.locator("[data-photo=id_front] svg").screenshot(), red)).toBe(0);
    // Nothing overflows the page's column.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

    const photo = await cameraJpeg(page, 0.8);
    await page.setInputFiles("#f-id_front", { name: "front.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.locator("[data-photo=id_front] [data-chosen]").waitFor();
    await expect.poll(() => page.locator("form:has([data-photo]) button[type=submit]").isEnabled()).toBe(true);
    await form.screenshot({ path: path.join(shots, `id-photos-preview-${locale}.png`) });
    // The preview is the photo, where the sample (mostly its card's pale fill) was.
    const pale = (r: number, g: number, b: number) => r > 220 && g > 220 && b > 220;
    expect(share(await page.locator("[data-photo=id_back] svg").screenshot(), pale)).toBeGreaterThan(0.5);
    expect(share(await page.locator("[data-photo=id_front] [data-chosen] img").screenshot(), pale)).toBeLessThan(0.3);
    expect(await page.locator("[data-photo=id_back] [data-sample]").isVisible()).toBe(true);
    await page.close();
  });

  it("should keep the samples and the server's 5 MB limit with its error without JavaScript", async () => {
    const maker = await browser.newPage();
    const [photo, small] = [await cameraJpeg(maker, 0.9), await cameraJpeg(maker, 0.3)];
    await maker.close();
    expect(photo.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(photo.length + small.length, "under the form's cap, so the field's own error answers").toBeLessThan(10 * 1024 * 1024);
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await atIdPhotos(page, "zh-CN", phoneFor(68), phoneFor(69));
    expect(await page.locator("#f-id_front-hint").textContent()).toBe("JPG 或 PNG，不超过 5 MB");
    expect(await page.locator("[data-photo=id_back] [data-sample]").isVisible()).toBe(true);
    await page.setInputFiles("#f-id_front", { name: "front.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.setInputFiles("#f-id_back", { name: "back.jpg", mimeType: "image/jpeg", buffer: small });
    await page.getByRole("button", { name: "上传并核验" }).click();
    await page.locator("#f-id_front-error").waitFor();
    expect(await page.locator("#f-id_front-error").textContent()).toBe("身份证人像面照片超过 5 MB，请压缩后再上传。");
    expect(await page.locator("#f-id_front").getAttribute("aria-invalid")).toBe("true");
    await context.close();
  });
});

describe("the sign-in code's countdown in Chromium", () => {
  const sendButton = (page: Page) => page.locator("button[value=send_code]");

  it("should count down on 获取验证码, wake the button, and keep the confirmation on a tap before the server allows a new code", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.clock.install();
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["mobile3"] });
    await page.goto(v.url);
    await page.getByLabel("手机号", { exact: true }).fill(phoneFor(66));
    await sendButton(page).click();
    await page.getByRole("status").filter({ hasText: "验证码已发送至" }).waitFor();
    expect(await sendButton(page).isDisabled()).toBe(true);
    const first = Number(/^(\d+) 秒后可重新获取$/.exec((await sendButton(page).textContent())!)?.[1]);
    expect(first).toBeGreaterThan(55);
    // The page's clock also runs by itself meanwhile: a second either way.
    await page.clock.runFor(5000);
    const later = Number(/^(\d+) 秒后可重新获取$/.exec((await sendButton(page).textContent())!)?.[1]);
    expect(first - later).toBeGreaterThanOrEqual(5);
    expect(first - later).toBeLessThanOrEqual(6);
    await page.clock.runFor(first * 1000);
    expect(await sendButton(page).isEnabled()).toBe(true);
    expect(await sendButton(page).textContent()).toBe("获取验证码");
    // The page's clock ran ahead; the server's did not: its answer keeps the code's confirmation and the number valid.
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await sendButton(page).click();
    expect((await answered).status()).toBe(200);
    await page.getByRole("status").filter({ hasText: "验证码已发送至 137****1066" }).waitFor();
    expect(await page.locator("#f-phone").getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("#f-phone-error").count()).toBe(0);
    // The swapped-in button starts its countdown once htmx settles it: a moment, under load.
    await expect.poll(() => sendButton(page).isDisabled()).toBe(true);
    expect(await sendButton(page).textContent()).toMatch(/^\d+ 秒后可重新获取$/);
    // The first code still signs in.
    await page.locator("#f-code").fill(await latestCode(phoneFor(66)));
    await page.locator("#f-consent").check();
    await page.getByRole("button", { name: "登录并授权" }).click();
    await page.locator("[data-step=method_form]").waitFor();
    await page.close();
  });

  it("should render the countdown without JavaScript, on the answer and on a reload", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["mobile3"] });
    await page.goto(v.url);
    await page.getByLabel("手机号", { exact: true }).fill(phoneFor(67));
    await page.getByRole("button", { name: "获取验证码" }).click();
    const waiting = async () => {
      expect(await page.getByRole("status").textContent()).toContain("验证码已发送至 137****1067");
      expect(await sendButton(page).isDisabled()).toBe(true);
      expect(await sendButton(page).textContent()).toMatch(/^(60|59|58|57|56|55) 秒后可重新获取$/);
    };
    await waiting();
    await page.goto(v.url);
    await waiting();
    await context.close();
  });
});

import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SANDBOX_CARDS, SANDBOX_ID_NUMBERS, TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { createVerification, fileBrowser, latestCode as latestSmsCode, signInOnDesktop } from "./browser";

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
    await page.getByLabel("手机号", { exact: true }).fill(phoneFor(10));
    await page.getByRole("button", { name: "同意并继续" }).click();
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

  it("should verify mobile3 with the sign-in phone at once, with one SMS in all", async () => {
    const me = TEST_IDENTITIES[0];
    const v = await createVerification(baseUrl, key, { type: "person", methods: ["mobile3"] });
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(v.url);
    await signIn(page, phoneFor(40));
    await page.getByLabel("姓名", { exact: true }).fill(me.name);
    await page.getByLabel("身份证号").fill(me.idNumber);
    await page.getByLabel("手机号", { exact: true }).fill(phoneFor(40));
    await page.getByRole("button", { name: "同意并继续" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("认证成功");
    const sms = await fetch(`${baseUrl}/v1/test_helpers/sms?phone=${phoneFor(40)}`, { headers: { authorization: `Bearer ${key}` } });
    expect(((await sms.json()) as { data: unknown[] }).data).toHaveLength(1);
    const evidence = (await (await fetch(`${baseUrl}/v1/verifications/${v.id}/evidence`, { headers: { authorization: `Bearer ${key}` } })).json()) as { jws: string };
    const record = Buffer.from(evidence.jws.split(".")[1]!, "base64url").toString();
    expect(record.match(/"sms\.sent"/g)).toHaveLength(1);
    expect(record).toContain("method.phone_proven");
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
    await page.getByLabel("手机号", { exact: true }).fill(phoneFor(42));
    await page.getByRole("button", { name: "同意并继续" }).click();
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
    await page.getByLabel("手机号", { exact: true }).fill(me.phone);
    await page.getByRole("button", { name: "同意并继续" }).click();
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
    await page.getByRole("button", { name: "同意并继续" }).click();
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
    await page.getByRole("button", { name: "Agree and continue" }).click();
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
    await page.getByLabel("手机号", { exact: true }).fill(phoneFor(14));
    await page.getByRole("button", { name: "同意并继续" }).click();
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
      if (await field.count()) await field.fill(value);
    }
    await page.getByRole("button", { name: "同意并继续" }).click();
    await expect.poll(() => page.locator("[role=alert]").getAttribute("data-reason"), { timeout: 5000 }).toBe(reason);
    await page.close();
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
    expect(await sendButton(page).isDisabled()).toBe(true);
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

import { describe, expect, inject, it } from "vitest";
import { createVerification, fileBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const key = inject("partnerKey");
const browser = fileBrowser();

describe("the hosted page in Chromium", () => {
  it("should show app authorization in Chinese by default", async () => {
    const v = await createVerification(baseUrl, key, { type: "person" });
    const page = await browser.newPage();
    await page.goto(v.url);
    await expect(page.title()).resolves.toContain("应用授权");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("应用授权");
    await expect(page.getByLabel("手机号").isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("should speak English when the verification asks for it", async () => {
    const v = await createVerification(baseUrl, key, { type: "person", locale: "en" });
    const page = await browser.newPage();
    await page.goto(v.url);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in and authorize");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.close();
  });

  it("should tell the applicant a canceled link cannot be used, and why", async () => {
    const v = await createVerification(baseUrl, key, { type: "person", locale: "en", redirect_url: "http://localhost:9/back" });
    await fetch(`${baseUrl}/v1/verifications/${v.id}/cancel`, { method: "POST", headers: { authorization: `Bearer ${key}` } });
    const page = await browser.newPage();
    const res = await page.goto(v.url);
    expect(res?.status()).toBe(410);
    expect(await page.locator("[data-reason]").textContent()).toContain("canceled this verification");
    expect(await page.getByRole("link", { name: "Back to the site" }).getAttribute("href")).toBe("http://localhost:9/back");
    await page.close();
  });

  it("should tell the applicant an unknown link was not found, in the browser's language", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    const res = await page.goto(`${baseUrl}/v/ver_000000000000000000000000`);
    expect(res?.status()).toBe(404);
    expect(await page.locator("[data-reason]").textContent()).toContain("找不到这个认证链接");
    await page.close();
    const english = await browser.newPage({ locale: "en-GB" });
    await english.goto(`${baseUrl}/v/ver_000000000000000000000000`);
    expect(await english.locator("[data-reason]").textContent()).toContain("could not find this verification link");
    await english.close();
  });
});

// legal_rep_quick in Chromium, as two people's devices meet it: the operator's desktop checks the
// organization and shows a QR code; the legal representative's phone reads it from the screen
// (pixels, not the DOM), types the ID number, does the face check in Chromium's fake camera, and
// the desktop moves to the organization's result by itself.
import jsQR from "jsqr";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { describe, expect, inject, it } from "vitest";
import { TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { createVerification, fileBrowser, signInOnDesktop } from "./browser";

const baseUrl = inject("baseUrl");
const key = inject("partnerKey");
const browser = fileBrowser(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
const legalRep = TEST_IDENTITIES[1];
const SHOTS = "bench/out/legal-rep-quick";

/** htmx done with the last swap: a person would see the page still before clicking. */
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"));

async function decodeQr(page: Page): Promise<string> {
  const png = PNG.sync.read(await page.screenshot({ fullPage: true }));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error("no QR code found in the screenshot");
  return code.data;
}

describe("legal_rep_quick in Chromium", () => {
  it("should verify an organization by the legal representative's face on a phone, the desktop following by itself", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const v = await createVerification(baseUrl, key, { type: "organization", methods: ["legal_rep_quick", "legal_rep_personal"], organization: { name: "宁波快捷测试有限公司" } });
    await desktop.goto(v.url);
    await signInOnDesktop(desktop, baseUrl, key, "13700008200");

    // The organization check: the partner's name is there; a wrong code is said next to its field.
    await expect.poll(() => desktop.getByLabel("企业（组织）名称").inputValue()).toBe("宁波快捷测试有限公司");
    await desktop.getByLabel("统一社会信用代码/工商注册号").fill("91330200MA2AAAAA01");
    await desktop.getByLabel("法定代表人姓名").fill(legalRep.name);
    await desktop.getByRole("checkbox").check();
    await desktop.getByRole("button", { name: "同意并继续" }).click();
    await desktop.locator("#f-credential_code-error").waitFor();
    await desktop.screenshot({ path: `${SHOTS}/1-org-check-error.png`, fullPage: true });
    await settled(desktop);
    await desktop.getByLabel("统一社会信用代码/工商注册号").fill("91330200MA2AAAAA0G");
    await desktop.getByRole("button", { name: "同意并继续" }).click();

    await settled(desktop);
    await desktop.getByRole("radio", { name: /我是法定代表人/ }).check();
    await desktop.screenshot({ path: `${SHOTS}/2-role.png`, fullPage: true });
    await desktop.getByRole("button", { name: "下一步" }).click();
    await settled(desktop);
    await desktop.getByRole("button", { name: /法人快捷认证/ }).click();
    await desktop.locator("#handoff-qr svg").waitFor();
    expect(await desktop.locator('[aria-current="step"]').textContent()).toBe("法定代表人刷脸");
    await desktop.screenshot({ path: `${SHOTS}/3-desktop-qr.png`, fullPage: true });

    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN", permissions: ["camera"] })).newPage();
    await phone.goto(await decodeQr(desktop));
    await expect.poll(() => desktop.locator("#handoff-status").getAttribute("data-state")).toBe("opened");
    await phone.getByLabel("身份证号").fill(legalRep.idNumber);
    await phone.getByRole("checkbox").check();
    await phone.screenshot({ path: `${SHOTS}/4-phone-form.png`, fullPage: true });
    await phone.getByRole("button", { name: "同意并继续" }).click();
    await phone.getByRole("button", { name: "同意并开始刷脸" }).click();
    await phone.getByRole("button", { name: "开始刷脸" }).click();
    const clip = await phone.waitForResponse((r) => r.url().endsWith("/p/clip"), { timeout: 20_000 });
    expect(clip.status()).toBe(200);
    const doneAt = Date.now();
    // No reload: the desktop's live status takes it to the organization's result.
    await desktop.locator('[data-step="result"] [data-status="verified"]').waitFor({ timeout: 5000 });
    expect(Date.now() - doneAt).toBeLessThan(2000);
    expect(new URL(desktop.url()).pathname).toBe(`/v/${v.id}`);
    const result = (await desktop.locator("#step").textContent()) ?? "";
    expect(result).toContain("宁波快捷测试有限公司");
    expect(result).toContain("法人快捷认证");
    await desktop.screenshot({ path: `${SHOTS}/5-desktop-result.png`, fullPage: true });
    await expect.poll(() => phone.locator("[data-phone]").getAttribute("data-phone")).toBe("verified");
    await phone.screenshot({ path: `${SHOTS}/6-phone-done.png`, fullPage: true });

    const api = await (await fetch(`${baseUrl}/v1/verifications/${v.id}`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(api).toMatchObject({ status: "verified", method: "legal_rep_quick", operator: { role: "legal_representative", name: "*四" } });
    await phone.context().close();
    await desktop.close();
  });
});

// legal_rep_authorization in Chromium, as the two people meet it: the operator's desktop checks the
// organization, acts as an agent and sends the signing link by SMS; the legal representative's
// phone (a second browser context with a fake camera) opens the link read from the sandbox SMS,
// types the ID number, verifies by face, reads the letter and signs it with the code; the
// operator's page shows it signed by itself. The PDF served is read back with pdf.js (unpdf).
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, inject, it } from "vitest";
import { TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { createVerification, fileBrowser, latestCode, signInOnDesktop } from "./browser";

const baseUrl = inject("baseUrl");
const key = inject("partnerKey");
const browser = fileBrowser(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
const legalRep = TEST_IDENTITIES[1];
const ORG_NAME = "宁波授权测试有限公司";
const SHOTS = "bench/out/legal-rep-authorization";

const settled = (page: Page) => page.waitForFunction(() => !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"));

async function smsTo(phone: string): Promise<string> {
  const res = await fetch(`${baseUrl}/v1/test_helpers/sms?phone=${phone}`, { headers: { authorization: `Bearer ${key}` } });
  return ((await res.json()) as { data: { text: string }[] }).data[0]?.text ?? "";
}

describe("legal_rep_authorization in Chromium", () => {
  it("should verify an organization by the legal representative's signature on their phone, the operator's page following by itself", async () => {
    const desktop = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const v = await createVerification(baseUrl, key, { type: "organization", methods: ["legal_rep_authorization", "legal_rep_personal"], organization: { name: ORG_NAME } });
    await desktop.goto(v.url);
    await signInOnDesktop(desktop, baseUrl, key, "13700008600");
    await expect.poll(() => desktop.getByLabel("企业（组织）名称").inputValue()).toBe(ORG_NAME);
    await desktop.getByLabel("统一社会信用代码/工商注册号").fill("91330200MA2AAAAA0G");
    await desktop.getByLabel("法定代表人姓名").fill(legalRep.name);
    await desktop.getByRole("checkbox").check();
    await desktop.getByRole("button", { name: "同意并继续" }).click();
    await settled(desktop);
    await desktop.getByRole("radio", { name: /我是经办人/ }).check();
    await desktop.getByRole("button", { name: "下一步" }).click();
    await settled(desktop);
    await desktop.getByRole("button", { name: /法人授权认证/ }).click();
    await desktop.locator("[data-way=qr] svg").waitFor();
    await desktop.screenshot({ path: `${SHOTS}/1-desktop-invitation.png`, fullPage: true });

    // 方式二: the SMS, whose link the phone opens.
    const lrPhone = "13700008601";
    await desktop.getByLabel("法定代表人手机号").fill(lrPhone);
    await desktop.getByRole("button", { name: "发送短信" }).click();
    await desktop.locator("[data-sent-to]").waitFor();
    await settled(desktop);
    await desktop.screenshot({ path: `${SHOTS}/2-desktop-sms-sent.png`, fullPage: true });
    const link = /(https?:\/\/\S+\/a\/[0-9A-Z]{20})/.exec(await smsTo(lrPhone))?.[1];
    expect(link).toBeTruthy();

    const phone = await (await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: "zh-CN", permissions: ["camera"] })).newPage();
    await phone.goto(link!);
    expect(new URL(phone.url()).pathname).toBe("/a");
    await expect.poll(() => desktop.locator("#invitation-status").getAttribute("data-status")).toBe("opened");
    expect(await phone.locator("[data-org]").textContent()).toBe(ORG_NAME);
    await phone.getByLabel("身份证号").fill(legalRep.idNumber);
    await phone.screenshot({ path: `${SHOTS}/3-phone-intro.png`, fullPage: true });
    await phone.getByRole("button", { name: "开始本人核验" }).click();

    // Their own verification: sign in with the phone the SMS came to, then face, on this phone.
    await phone.waitForURL(/\/v\/ver_/);
    await expect.poll(() => desktop.locator("#invitation-status").getAttribute("data-status")).toBe("verifying");
    await signInOnDesktop(phone, baseUrl, key, lrPhone);
    await phone.getByRole("button", { name: /人脸识别/ }).click();
    await phone.locator("#f-consent").check();
    await phone.locator("form button[type=submit]:not([value])").last().click();
    await phone.locator("[data-continue-here]").click();
    await phone.getByRole("button", { name: "同意并开始刷脸" }).click();
    await phone.getByRole("button", { name: "开始刷脸" }).click();
    await phone.locator("[data-next]").waitFor({ timeout: 20_000 });
    await phone.locator("[data-next]").click();
    await expect.poll(() => desktop.locator("#invitation-status").getAttribute("data-status")).toBe("signing");

    // The letter, read on a 360 px screen (nothing wider than it), signed with the code.
    await phone.locator("[data-letter]").waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await phone.locator("[data-letter]").textContent()).toContain(ORG_NAME);
    await phone.screenshot({ path: `${SHOTS}/4-phone-letter.png`, fullPage: true });
    // The sign-in code went to this phone moments ago, and was entered: the signing code does not wait.
    await phone.getByRole("button", { name: "获取验证码" }).click();
    await phone.getByRole("status").filter({ hasText: "验证码已发送至" }).waitFor();
    await phone.getByLabel("短信验证码").fill(await latestCode(baseUrl, key, lrPhone));
    const signing = phone.waitForResponse((r) => r.url().endsWith("/a/sign") && r.request().method() === "POST");
    await phone.getByRole("button", { name: "同意并签署" }).click();
    await signing;
    const signedAt = Date.now();
    await desktop.locator('[data-step="result"] [data-status="verified"]').waitFor({ timeout: 5000 });
    expect(Date.now() - signedAt).toBeLessThan(1000);
    expect(new URL(desktop.url()).pathname).toBe(`/v/${v.id}`);
    await desktop.screenshot({ path: `${SHOTS}/5-desktop-verified.png`, fullPage: true });
    await phone.locator('[data-phone="invitation_signed"]').waitFor();
    await phone.screenshot({ path: `${SHOTS}/6-phone-signed.png`, fullPage: true });

    const api = await (await fetch(`${baseUrl}/v1/verifications/${v.id}`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(api).toMatchObject({ status: "verified", method: "legal_rep_authorization", authorization: { status: "signed" } });
    const pdf = await fetch(`${baseUrl}/v1/verifications/${v.id}/authorization_letter`, { headers: { authorization: `Bearer ${key}` } });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const sha = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(sha).toBe(api.authorization.letter_sha256);
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text.replace(/\s+/g, "")).toContain(ORG_NAME);
    expect(text.replace(/\s+/g, "")).toContain("4403************63");
    await phone.context().close();
    await desktop.close();
  }, 90_000);
});

// The corporate transfers in Chromium, as an operator meets them: forward (the account, the payout
// settled through the test helper, the amount read from the payout helper typed back, the stamped
// letter uploaded and approved in the back office, verified), and reverse (the instructions, the
// letter taken with a phone through the QR code's link, the credit simulated, the page moving on
// by itself). Screenshots in zh-CN and en go to bench/out/transfers.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { TEST_IDENTITIES } from "../../src/providers/sandbox-values";
import { createVerification, fileBrowser, latestCode, signInOnDesktop } from "./browser";
import { licencePng } from "./licence";

const baseUrl = inject("baseUrl");
const key = inject("partnerKey");
const browser = fileBrowser();
const SHOTS = "bench/out/transfers";
const legalRep = TEST_IDENTITIES[1];

const settled = (page: Page) => page.waitForFunction(() => !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"));
const helper = async (path: string, body?: unknown) => {
  const res = await fetch(`${baseUrl}/v1/test_helpers/verifications/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, string>;
};
const stepOf = (page: Page) => page.locator("[data-step]").first().getAttribute("data-step");

async function toTransfer(page: Page, phone: string, orgName: string, locale: "zh-CN" | "en") {
  const v = await createVerification(baseUrl, key, { type: "organization", methods: ["transfer_forward", "transfer_reverse"], organization: { name: orgName }, locale });
  await page.goto(v.url);
  if (locale === "zh-CN") await signInOnDesktop(page, baseUrl, key, phone);
  else {
    await page.locator("#f-phone").fill(phone);
    await page.locator("button[value=send_code]").click();
    await page.locator("#f-code").waitFor();
    await page.locator("#f-code").fill(await latestCode(baseUrl, key, phone));
    await page.locator("#f-consent").check();
    await page.getByRole("button", { name: "Sign in and authorize" }).click();
  }
  await page.locator("#f-credential_code").waitFor();
  await page.locator("#f-credential_code").fill("91330200MA2AAAAA0G");
  await page.locator("#f-legal_rep_name").fill(legalRep.name);
  await page.locator("#f-consent").check();
  await page.locator("form button[type=submit]").first().click();
  await settled(page);
  await page.locator("input[name=role][value=agent]").check();
  await page.locator("form button[type=submit]").first().click();
  await settled(page);
  return v;
}

describe("corporate transfers in Chromium", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`should verify by a forward transfer (${locale}): settle, type the amount read from the helper, upload the letter, approve it in the back office`, async () => {
      const page = await browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
      const v = await toTransfer(page, locale === "en" ? "13700008702" : "13700008701", "宁波打款测试有限公司", locale);
      await page.screenshot({ path: `${SHOTS}/${locale}-1-methods.png`, fullPage: true });
      await page.locator("button[value=transfer_forward]").click();
      await settled(page);
      expect(await stepOf(page)).toBe("corporate_account");
      await page.locator("#f-account_number").fill("3100 1234 5678 9012");
      await page.locator("#f-bank").selectOption("105");
      await page.locator("#f-branch_code").fill("105331000018");
      await page.locator("#f-consent").check();
      await page.screenshot({ path: `${SHOTS}/${locale}-2-account.png`, fullPage: true });
      await page.locator("form button[type=submit]").first().click();
      await page.locator("[data-payout=requested]").waitFor();
      await page.screenshot({ path: `${SHOTS}/${locale}-3-requested.png`, fullPage: true });

      const { amount } = await helper(`${v.id}/payout`);
      await helper(`${v.id}/payout/settle`, { outcome: "paid" });
      // The money part looks again by itself.
      await page.locator("[data-payout=paid]").waitFor({ timeout: 15_000 });
      await page.locator("#f-authorization_letter").setInputFiles({ name: "letter.png", mimeType: "image/png", buffer: Buffer.from(licencePng()) });
      await page.locator("#transfer-letter form:has(#f-authorization_letter) button[type=submit]").click();
      await page.locator("[data-letter=pending]").waitFor();
      await page.locator("#f-amount").fill(amount!);
      await page.screenshot({ path: `${SHOTS}/${locale}-4-paid-letter-pending.png`, fullPage: true });
      await page.locator("#transfer-money button[type=submit]").click();
      await page.locator("[data-money-confirmed]").waitFor();

      const reviewer = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
      await reviewer.goto(inject("staffSignIn"));
      await reviewer.waitForURL(`${baseUrl}/staff`);
      await reviewer.goto(`${baseUrl}/staff/cases/${v.id}`);
      await reviewer.getByRole("link", { name: "去审核" }).click();
      await reviewer.waitForURL(/\/staff\/reviews\/rev_\w+$/);
      await reviewer.getByRole("button", { name: "认领" }).click();
      await reviewer.locator("[data-holder=you]").waitFor();
      await reviewer.screenshot({ path: `${SHOTS}/${locale}-5-reviewer.png`, fullPage: true });
      await reviewer.getByRole("radio", { name: "通过", exact: true }).check();
      await reviewer.getByRole("button", { name: "提交决定" }).click();
      await reviewer.waitForURL(`${baseUrl}/staff/reviews`);

      await expect.poll(() => stepOf(page), { timeout: 15_000 }).toBe("result");
      await page.screenshot({ path: `${SHOTS}/${locale}-6-verified.png`, fullPage: true });
      expect(await page.locator("[data-status]").first().getAttribute("data-status")).toBe("verified");
    }, 90_000);
  }

  it("should verify by a reverse transfer, the page moving on by itself when the credit arrives", async () => {
    const page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const v = await toTransfer(page, "13700008703", "宁波反向测试有限公司", "zh-CN");
    await page.locator("button[value=transfer_reverse]").click();
    await settled(page);
    const remark = await page.locator("[data-pay=pay-remark]").textContent();
    expect(remark).toMatch(/^SM[0-9A-Z]{8}$/);
    // The letter through the phone: the QR code's link opened in a phone's browser, the photo taken
    // there, and the desktop's letter part moving on to the review's wait by itself.
    await page.getByRole("button", { name: "显示手机二维码" }).click();
    const link = await page.locator("#transfer-letter [data-link]").textContent();
    const camera = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
    await camera.goto(link!.trim());
    await camera.locator("[data-phone=letter_capture]").waitFor();
    await camera.locator("#f-authorization_letter").setInputFiles({ name: "letter.png", mimeType: "image/png", buffer: Buffer.from(licencePng()) });
    await camera.screenshot({ path: `${SHOTS}/zh-CN-7-letter-phone.png`, fullPage: true });
    await camera.getByRole("button", { name: "发送授权书" }).click();
    await camera.locator("[data-phone=letter_sent]").waitFor();
    await camera.close();
    await page.locator("[data-letter=pending]").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}/zh-CN-7-reverse.png`, fullPage: true });
    // The account number reads in fours, and its copy button copies the digits alone.
    const number = page.locator("[data-pay=pay-number]");
    expect(await number.textContent()).toMatch(/^\d{4}( \d{4})+( \d{1,3})?$/);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await page.locator("button[data-copy=pay-number]").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe((await number.textContent())!.replaceAll(" ", ""));
    // On a phone the instructions fit the screen: nothing wider than it, no button's word broken.
    const phone = await browser.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(page.url());
    await phone.screenshot({ path: `${SHOTS}/zh-CN-7-reverse-phone.png`, fullPage: true });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    for (const height of await phone.locator("button[data-copy]").evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height))) expect(height).toBeLessThan(50);
    await phone.close();
    expect((await helper(`${v.id}/incoming_credit`, {})).outcome).toBe("matched");
    await page.locator("[data-money-confirmed]").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}/zh-CN-8-credited.png`, fullPage: true });
  }, 90_000);
});

// 用手机拍摄营业执照 end to end, in Chromium against `wrangler dev`: the operator's desktop is told
// the registry does not know the organization, chooses the phone, and shows the QR code; a phone
// (360 px, touch) opens the link, sees the organization's name, is told a file that is no image is
// refused, sends the licence's photo; the desktop moves on to the review's waiting page by itself.
// In zh-CN and en; screenshots go to bench/out/licence-phone/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { fileBrowser } from "./browser";
import { licencePng, UNKNOWN_ORG } from "./licence";
import { LOCALES, Reacher } from "./reacher";

const baseUrl = inject("baseUrl");
const browser = fileBrowser();
const shots = path.resolve(import.meta.dirname, "../../bench/out/licence-phone");
// This file's phone numbers: 13700009500 on; its client IPs: 198.18.55.x.
const r = new Reacher(baseUrl, inject("partnerKey"), 13700009500, 55);

const stepOf = (page: Page) => page.locator("[data-step]").first().getAttribute("data-step");
const shot = (page: Page, name: string) => {
  mkdirSync(shots, { recursive: true });
  return page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
};

const WORDS = {
  "zh-CN": { submit: "同意并继续", phone: "用手机拍摄营业执照", send: "发送营业执照", unsupported: "营业执照须为 JPEG、PNG 或 PDF 文件。", sent: "营业执照已发送" },
  en: {
    submit: "Agree and continue",
    phone: "Take the business licence with a phone",
    send: "Send the business licence",
    unsupported: "Business licence must be a JPEG, PNG or PDF file.",
    sent: "The business licence is sent",
  },
} as const;

describe("the business licence taken with the phone, in Chromium", () => {
  for (const locale of LOCALES) {
    it(`should go from the desktop's QR code to the phone's photo and the review's waiting page (${locale})`, async () => {
      const words = WORDS[locale];
      const s = await r.signedIn(locale, { type: "organization", methods: ["legal_rep_personal"] });
      const v = s.v;
      const desktopContext = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      await desktopContext.addCookies(s.reached.cookies);
      const desktop = await desktopContext.newPage();
      await desktop.goto(v.url);
      await expect.poll(() => stepOf(desktop), { timeout: 10_000 }).toBe("org_check");
      await desktop.locator("#f-org_name").fill(UNKNOWN_ORG.org_name);
      await desktop.locator("#f-credential_code").fill(UNKNOWN_ORG.credential_code);
      await desktop.locator("#f-legal_rep_name").fill(UNKNOWN_ORG.legal_rep_name);
      await desktop.locator("#f-consent").check();
      await desktop.getByRole("button", { name: words.submit }).click();
      await desktop.locator("[role=alert][data-reason=org_not_found]").waitFor();
      await shot(desktop, `${locale}-desktop-1-offered`);
      await desktop.getByRole("button", { name: words.phone }).click();
      await desktop.locator("#handoff-qr svg").waitFor();
      // One step on the page, swapped in whole.
      expect(await desktop.locator("[data-step]").evaluateAll((els) => els.map((e) => e.getAttribute("data-step")))).toEqual(["licence_phone"]);
      await shot(desktop, `${locale}-desktop-2-qr`);
      const link = (await desktop.locator("[data-link]").textContent())!.trim();

      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale });
      const phone = await context.newPage();
      await phone.goto(link);
      await phone.locator("[data-phone=licence_capture]").waitFor();
      expect(await phone.locator("[data-org]").textContent()).toContain(UNKNOWN_ORG.org_name);
      await shot(phone, `${locale}-phone-1-capture`);
      await phone.locator("#f-business_licence").setInputFiles({ name: "licence.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a licence at all") });
      await phone.getByRole("button", { name: words.send }).click();
      expect(await phone.locator("#f-business_licence-error").textContent()).toBe(words.unsupported);
      await shot(phone, `${locale}-phone-2-not-an-image`);
      await phone.locator("#f-business_licence").setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: Buffer.from(licencePng()) });
      await phone.getByRole("button", { name: words.send }).click();
      await phone.locator("[data-phone=licence_sent]").waitFor();
      expect(await phone.locator("[role=status]").textContent()).toContain(words.sent);
      await shot(phone, `${locale}-phone-3-sent`);

      // The desktop follows the handoff live: no reload by hand.
      await expect.poll(() => stepOf(desktop), { timeout: 10_000 }).toBe("review_pending");
      await shot(desktop, `${locale}-desktop-3-review-pending`);
      const read = await fetch(`${baseUrl}/v1/verifications/${v.id}`, { headers: { authorization: `Bearer ${inject("partnerKey")}` } });
      expect(((await read.json()) as { status: string }).status).toBe("requires_review");
      await context.close();
      await desktopContext.close();
    });
  }
});

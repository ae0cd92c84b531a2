// The business licence's review end to end, in Chromium against `wrangler dev`: the operator of an
// organization the sandbox registry does not know (查无此企业有限公司) uploads its licence; a
// reviewer signs in to the back office locally, finds the case by the partner's reference, opens
// its review, claims and approves it; the operator's waiting page moves on by itself; the partner's
// endpoint receives verification.requires_review then verification.review_decided, signed. Then
// the same review workflow by keyboard alone. Screenshots go to bench/out/licence-review/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fileBrowser, signInOnDesktop } from "./browser";
import { tabTo } from "./keys";
import { licencePng, licenceInReview, UNKNOWN_ORG } from "./licence";
import { Reacher } from "./reacher";
import { Receiver, until } from "./receiver";

const baseUrl = inject("baseUrl");
const browser = fileBrowser();
const shots = path.resolve(import.meta.dirname, "../../bench/out/licence-review");
const receiver = new Receiver();
const partner = { key: "", secret: "" };
// This file's phone numbers: 13700009000 on; its client IPs: 198.18.54.x.
let r: Reacher;

beforeAll(async () => {
  await receiver.start();
  const made = await fetch(`${baseUrl}/admin/v1/partners`, {
    method: "POST",
    headers: { authorization: `Bearer ${inject("adminToken")}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "宁波产权交易中心" }),
  });
  partner.key = ((await made.json()) as { test_key: { key: string } }).test_key.key;
  const endpoint = await fetch(`${baseUrl}/v1/webhook_endpoints`, {
    method: "POST",
    headers: { authorization: `Bearer ${partner.key}`, "content-type": "application/json" },
    body: JSON.stringify({ url: `${receiver.url}/reviews`, events: ["verification.requires_review", "verification.review_decided"] }),
  });
  partner.secret = ((await endpoint.json()) as { secret: string }).secret;
  r = new Reacher(baseUrl, partner.key, 13700009000, 54);
});
afterAll(() => receiver.stop());

function camera(page: Page, who: string) {
  let n = 0;
  mkdirSync(shots, { recursive: true });
  return (what: string) => page.screenshot({ path: path.join(shots, `${who}-${String(++n).padStart(2, "0")}-${what}.png`), fullPage: true });
}

const stepOf = (page: Page) => page.locator("[data-step]").first().getAttribute("data-step");
const settled = (page: Page) => page.waitForFunction(() => !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"));

/** The deliveries for one verification, each checked with the endpoint's secret by the Standard Webhooks library. */
function deliveredFor(verificationId: string) {
  const hook = new Webhook(partner.secret);
  return receiver
    .at("/reviews")
    .map((d) => hook.verify(d.body, d.headers) as { type: string; data: { id: string; status: string; review?: { id: string; decision: string; reason: string | null } } })
    .filter((e) => e.data.id === verificationId);
}

describe("a business licence reviewed in the back office, in Chromium", () => {
  it("should go from the operator's upload to a reviewer's approval, the operator's page moving on by itself, the partner told", async () => {
    const reference = `LIC-${Date.now()}`;
    const v = await r.create({ type: "organization", methods: ["legal_rep_personal"], reference, locale: "zh-CN" });

    // The operator, on a desktop: the registry does not know the organization; the licence goes instead.
    const operator = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const shot = camera(operator, "operator");
    await operator.goto(v.url);
    await signInOnDesktop(operator, baseUrl, partner.key, r.phone());
    await expect.poll(() => stepOf(operator), { timeout: 10_000 }).toBe("org_check");
    await operator.locator("#f-org_name").fill(UNKNOWN_ORG.org_name);
    await operator.locator("#f-credential_code").fill(UNKNOWN_ORG.credential_code);
    await operator.locator("#f-legal_rep_name").fill(UNKNOWN_ORG.legal_rep_name);
    await operator.locator("#f-consent").check();
    await operator.getByRole("button", { name: "同意并继续" }).click();
    await operator.locator("[role=alert][data-reason=org_not_found]").waitFor();
    // What was typed is still there, and the licence is offered beside the registry's answer.
    expect(await operator.locator("#f-org_name").inputValue()).toBe(UNKNOWN_ORG.org_name);
    await shot("not-found-licence-offered");
    await operator.getByLabel("营业执照", { exact: true }).setInputFiles({ name: "营业执照.png", mimeType: "image/png", buffer: Buffer.from(licencePng()) });
    await settled(operator);
    await operator.getByRole("button", { name: "上传营业执照，人工审核" }).click();
    await expect.poll(() => stepOf(operator), { timeout: 10_000 }).toBe("review_pending");
    expect(await operator.getByRole("heading", { level: 1 }).textContent()).toBe("营业执照审核中");
    await shot("review-pending");

    const asked = await until("verification.requires_review delivered", () => deliveredFor(v.id).length >= 1 && deliveredFor(v.id));
    expect(asked[0]).toMatchObject({ type: "verification.requires_review", data: { id: v.id, status: "requires_review" } });

    // A reviewer: the local sign-in link, the case found by the partner's reference, its review.
    const reviewer = await browser.newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const staffShot = camera(reviewer, "reviewer");
    await reviewer.goto(inject("staffSignIn"));
    await reviewer.waitForURL(`${baseUrl}/staff`);
    await reviewer.getByRole("link", { name: "案件查询" }).first().click();
    await reviewer.getByLabel("查找认证").fill(reference);
    await reviewer.getByRole("button", { name: "查询" }).click();
    await reviewer.getByRole("link", { name: v.id }).click();
    await reviewer.waitForURL(`${baseUrl}/staff/cases/${v.id}`);
    await staffShot("case");
    await reviewer.getByRole("link", { name: "去审核" }).click();
    await reviewer.waitForURL(/\/staff\/reviews\/rev_\w+$/);
    // The licence, shown only now that a person opened the case's item, beside what was typed.
    const image = reviewer.locator("img.licence-image");
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    expect(await reviewer.locator("main").textContent()).toContain(UNKNOWN_ORG.org_name);
    await reviewer.getByRole("button", { name: "认领" }).click();
    await reviewer.locator("[data-holder=you]").waitFor();
    await staffShot("claimed");
    await reviewer.getByRole("radio", { name: "通过", exact: true }).check();
    await reviewer.getByLabel("备注").fill("执照清晰，与填写一致");
    await reviewer.getByRole("button", { name: "提交决定" }).click();
    await reviewer.waitForURL(`${baseUrl}/staff/reviews`);
    expect(await reviewer.locator(`[data-review]`).filter({ hasText: v.id }).count(), "decided: off the queue").toBe(0);
    await staffShot("queue-after");

    // The operator's page, left alone, goes on to who is acting.
    await expect.poll(() => stepOf(operator), { timeout: 15_000 }).toBe("operator_role");
    expect(await operator.locator("[data-org-checked]").textContent()).toContain(UNKNOWN_ORG.org_name);
    await shot("approved-who-is-acting");

    const decided = await until("verification.review_decided delivered", () => deliveredFor(v.id).length >= 2 && deliveredFor(v.id));
    expect(decided[1]).toMatchObject({ type: "verification.review_decided", data: { id: v.id, status: "in_progress", review: { decision: "approved", reason: null } } });
    await operator.close();
    await reviewer.close();
  });

  it("should claim and reject by keyboard alone, the focus always visible, the operator told why", async () => {
    const { reached, reviewId } = await licenceInReview(r, "zh-CN");
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(inject("staffSignIn"));
    await page.goto(`${baseUrl}/staff/reviews`);
    await tabTo(page, `a[href="/staff/reviews/${reviewId}"]`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/staff/reviews/${reviewId}`);
    await tabTo(page, `form[action$="/claim"] button`);
    await page.keyboard.press("Enter");
    await page.locator("[data-holder=you]").waitFor();
    // The decision: the reject radio by arrow key, a reason chosen from the list, a note, then Enter.
    await tabTo(page, "input[name=decision][value=approve]");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("input[name=decision][value=reject]").isChecked()).toBe(true);
    await tabTo(page, "#f-reason");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#f-reason").inputValue()).toBe("licence_unreadable");
    await tabTo(page, "#f-note");
    await page.keyboard.type("照片模糊");
    await tabTo(page, `form[action$="/decision"] button[type=submit]`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/staff/reviews`);
    await context.close();

    // The operator's page says why, and offers the licence again.
    const operator = await browser.newContext({ locale: "zh-CN" });
    await operator.addCookies(reached.cookies);
    const back = await operator.newPage();
    await back.goto(reached.url);
    await back.locator("[role=alert][data-reason=review_licence_unreadable]").waitFor();
    expect(await back.locator("input[name=business_licence]").count()).toBe(1);
    await operator.close();
  });
});

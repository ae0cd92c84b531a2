// Test mode is visible: every page of a verification made with a test key, on the desktop and on
// the phone, opens with the sandbox banner; a live verification's pages never show it, and an
// htmx swap (the step only) does not repeat it.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Applicant, textOf } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";
import { atPhoneStep, Phone } from "../phone";

const BANNER = /<p class="sandbox" data-test-mode="true">测试模式：不做真实核验<\/p>/;

describe("the test-mode banner", () => {
  it("should open every desktop page of a test-mode verification, and not repeat in an htmx swap", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const a = new Applicant(v.id);
    const first = await a.open();
    expect(first.html).toMatch(BANNER);
    expect(first.html.indexOf("data-test-mode")).toBeLessThan(first.html.indexOf('class="top"'));
    const swapped = await a.post("/authorize", { action: "send_code", phone: "12" }, { htmx: true });
    expect(swapped.html).not.toContain("data-test-mode");
    await a.signIn(testKey);
    expect((await a.open()).html).toMatch(BANNER);
    expect((await a.post("/method", { method: "mobile3" }, { htmx: false })).html).toMatch(BANNER);
  });

  it("should show on the page of a canceled test-mode verification and in English", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", locale: "en" });
    expect(textOf((await new Applicant(v.id).open()).html)).toContain("Test mode: no real checks");
    expect((await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST", body: {} })).status).toBeLessThan(300);
    const gone = await new Applicant(v.id).open();
    expect(gone.status).toBe(410);
    expect(textOf(gone.html)).toContain("Test mode: no real checks");
  });

  it("should show on the phone's pages of a test-mode verification", async () => {
    const { link } = await atPhoneStep();
    const phone = new Phone();
    await phone.get(link);
    expect((await phone.get("/p")).html).toMatch(BANNER);
    await phone.post("/p/consent");
    expect((await phone.get("/p")).html).toMatch(BANNER);
  });

  it("should never show on a live verification's pages", async () => {
    // Live mode needs real providers to create a verification; flipping the row's mode is the
    // one way to a live page here, and the page reads nothing but the row to decide.
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person" });
    await env.DB.prepare("update verifications set livemode = 1 where id = ?").bind(v.id).run();
    const page = await new Applicant(v.id).open();
    expect(page.status).toBe(200);
    expect(page.step).toBe("authorize");
    expect(page.html).not.toContain("data-test-mode");
    expect(textOf(page.html)).not.toContain("测试模式");
  });
});

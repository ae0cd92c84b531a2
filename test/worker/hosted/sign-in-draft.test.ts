// Nothing typed on 应用授权 is lost: a failed 登录并授权 keeps the consent ticked, and a reload
// after 获取验证码 shows the phone and, while that code is live, that it was sent. The phone is
// kept sealed in a short-lived cookie for this verification only, never in plain text.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { maskPhone } from "../../../src/domain/masking";
import { Applicant, forgetSends, latestCode, textOf, uniquePhone } from "../applicant";
import { newPartner, newVerification } from "../helpers";

const consentTicked = (html: string) => /<input[^>]*id="f-consent"[^>]*checked/.test(html);
const phoneValue = (html: string) => /<input[^>]*id="f-phone"[^>]*value="([^"]*)"/.exec(html)?.[1] ?? /<input[^>]*value="([^"]*)"[^>]*id="f-phone"/.exec(html)?.[1];

async function start() {
  const { testKey } = await newPartner();
  const v = await newVerification(testKey);
  const phone = uniquePhone();
  await forgetSends(phone);
  return { testKey, v, phone, applicant: new Applicant(v.id) };
}

describe("the sign-in form keeps what was typed", () => {
  it.each([
    ["a wrong code", "000000"],
    ["no code", ""],
  ])("should keep the consent ticked after 登录并授权 fails with %s", async (_, code) => {
    const { phone, applicant } = await start();
    await applicant.post("/authorize", { action: "send_code", phone });
    const failed = await applicant.post("/authorize", { action: "authorize", phone, code, consent: "yes" }, { htmx: true });
    expect(failed.status).toBe(422);
    expect(consentTicked(failed.html)).toBe(true);
    expect(consentTicked((await applicant.post("/authorize", { action: "authorize", phone, code })).html)).toBe(false);
  });

  it("should keep the consent ticked when 获取验证码 is pressed after ticking it", async () => {
    const { phone, applicant } = await start();
    expect(consentTicked((await applicant.post("/authorize", { action: "send_code", phone, consent: "yes" })).html)).toBe(true);
  });

  it("should show the phone and the code-sent notice on a reload after 获取验证码", async () => {
    const { phone, applicant } = await start();
    await applicant.post("/authorize", { action: "send_code", phone }, { htmx: true });
    const reloaded = await applicant.open();
    expect(reloaded.step).toBe("authorize");
    expect(phoneValue(reloaded.html)).toBe(phone);
    expect(textOf(reloaded.html)).toContain(`验证码已发送至 ${maskPhone(phone)}`);
    expect(reloaded.html).toMatch(/id="f-code"[^>]*autofocus|autofocus[^>]*id="f-code"/);
  });

  it("should keep the phone sealed: not in the cookie as text, not in D1, not on another verification's page", async () => {
    const { testKey, phone, applicant } = await start();
    await applicant.post("/authorize", { action: "send_code", phone });
    const cookie = [...applicant.cookies.values()].join(";");
    expect(cookie).not.toContain(phone);
    expect(cookie).not.toContain(phone.slice(-4));
    const other = new Applicant((await newVerification(testKey)).id);
    other.cookies = new Map(applicant.cookies);
    expect(phoneValue((await other.open()).html)).toBe("");
    for (const table of ["verifications", "verification_events", "applicants"]) {
      const rows = await env.DB.prepare(`select * from ${table}`).all();
      expect(JSON.stringify(rows.results), table).not.toContain(phone);
    }
  });

  it("should ignore an altered cookie", async () => {
    const { phone, applicant } = await start();
    await applicant.post("/authorize", { action: "send_code", phone });
    const [name, value] = [...applicant.cookies].find(([k]) => k.includes("signin"))!;
    applicant.cookies.set(name, `${value.slice(0, -3)}${value.endsWith("AAA") ? "BBB" : "AAA"}`);
    const page = await applicant.open();
    expect(page.status).toBe(200);
    expect(phoneValue(page.html)).toBe("");
  });

  it("should show the phone but not 'sent' once the code is void, and forget it after signing in", async () => {
    const { testKey, phone, applicant } = await start();
    await applicant.post("/authorize", { action: "send_code", phone });
    for (let i = 0; i < 5; i++) await applicant.post("/authorize", { action: "authorize", phone, code: "000000", consent: "yes" });
    const voided = await applicant.open();
    expect(phoneValue(voided.html)).toBe(phone);
    expect(textOf(voided.html)).not.toContain("验证码已发送");
    await forgetSends(phone);
    await applicant.post("/authorize", { action: "send_code", phone });
    const signedIn = await applicant.post("/authorize", { action: "authorize", phone, code: await latestCode(testKey, phone), consent: "yes" });
    expect(signedIn.step).not.toBe("authorize");
    expect([...applicant.cookies.keys()].some((k) => k.includes("signin"))).toBe(false);
  });
});

// The code step tells the truth about its code: never "sent" for a refused send or a void code,
// and the button for a new code waits, with its seconds, until the send limits allow one.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const worker = (exports as unknown as { default: Fetcher }).default;
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, latestCode, textOf, uniquePhone } from "../applicant";
import { newPartner, newVerification } from "../helpers";

const identity = TEST_IDENTITIES[0];

async function atCode(phone: string) {
  const { testKey } = await newPartner();
  const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
  const a = new Applicant(v.id);
  await a.signIn(testKey);
  const page = await a.post("/methods/mobile3", { consent: "yes", name: identity.name, id_number: identity.idNumber, phone });
  return { testKey, a, page };
}

describe("the SMS code step", () => {
  it("should not say a code was sent when the SMS could not be sent", async () => {
    const { page, a } = await atCode("13800000006");
    expect(page.step).toBe("code");
    expect(page.status).toBe(422);
    expect(textOf(page.html)).not.toContain("验证码已发送至");
    expect(page.html).toContain('data-code-live="no"');
    const reload = await a.open();
    expect(textOf(reload.html)).not.toContain("验证码已发送至");
    expect(textOf(reload.html)).toContain("没有可用的验证码");
  });

  it("should hold the new-code button until the cooldown ends, with the seconds, without JavaScript", async () => {
    const phone = uniquePhone();
    const { a } = await atCode(phone);
    const page = await a.open();
    expect(textOf(page.html)).toContain("验证码已发送至");
    const button = /<button[^>]*value="resend"[^>]*>([^<]*)<\/button>/.exec(page.html);
    expect(button?.[0]).toContain("disabled");
    const seconds = Number(/(\d+) 秒后可重新获取/.exec(button![1]!)?.[1]);
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it("should say the code is void after five wrong tries, on the answer and on a reload", async () => {
    const phone = uniquePhone();
    const { a, testKey } = await atCode(phone);
    const right = await latestCode(testKey, phone);
    const wrong = right === "000000" ? "111111" : "000000";
    let last = await a.post("/methods/mobile3/code", { action: "confirm", code: wrong });
    for (let i = 0; i < 4; i++) last = await a.post("/methods/mobile3/code", { action: "confirm", code: wrong });
    expect(last.html).toContain('data-code-live="no"');
    expect(textOf((await a.open()).html)).not.toContain("验证码已发送至");
  });
});

describe("where am I", () => {
  it("should show the method's steps with the current one marked, on every screen of it", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["bankcard4"], options: { collect_id_images: true } });
    const a = new Applicant(v.id);
    const form = await a.signIn(testKey);
    const steps = (html: string) => [...html.matchAll(/<li( aria-current="step")? data-progress="[^"]+">([^<]+)<\/li>/g)].map((m) => (m[1] ? `[${m[2]}]` : m[2]));
    expect(steps(form.html)).toEqual(["[银行账户认证]", "手机验证", "上传身份证件", "认证结果"]);
    const code = await a.post("/methods/bankcard4", { consent: "yes", name: identity.name, id_number: identity.idNumber, card_number: identity.cardNumber, phone: uniquePhone() });
    expect(steps(code.html)).toEqual(["银行账户认证", "[手机验证]", "上传身份证件", "认证结果"]);
    const wrong = await a.post("/methods/bankcard4/code", { action: "confirm", code: "12345" });
    expect(steps(wrong.html)).toEqual(["银行账户认证", "[手机验证]", "上传身份证件", "认证结果"]);
  });
});

describe("the browser's Back button", () => {
  it("should give each step reached by htmx a history entry that comes back to the step before", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3", "face"] });
    const a = new Applicant(v.id);
    await a.signIn(testKey);
    const res = await worker.fetch(
      new Request(`http://shiming.test/v/${v.id}/method`, {
        method: "POST",
        body: new URLSearchParams({ method: "mobile3" }),
        headers: { "hx-request": "true", "cf-connecting-ip": a.ip, cookie: [...a.cookies].map(([k, val]) => `${k}=${val}`).join("; "), "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(res.headers.get("hx-push-url")).toBe(`/v/${v.id}?step=method_form`);
    const code = await a.post("/methods/mobile3", { consent: "yes", name: identity.name, id_number: identity.idNumber, phone: uniquePhone() });
    expect(code.step).toBe("code");
    // Back from the code step: the form again, with what was typed; Back from the form: the method list.
    const form = await a.open("?step=method_form");
    expect(form.step).toBe("method_form");
    expect(form.html).toContain(`value="${identity.name}"`);
    expect((await a.open("?step=choose_method")).step).toBe("choose_method");
    // A history entry of a step that cannot be gone back to shows where the flow stands.
    expect((await a.open("?step=result")).step).toBe("code");
  });
});

// 获取验证码 on 应用授权 waits out the send limits in the open: after a send the button is disabled
// with the seconds left (rendered by the server, so it holds without JavaScript), a second tap
// while it runs keeps "验证码已发送至…" and never marks the phone field invalid, and a code voided
// by five wrong tries is never said to be valid, on the answer or on a reload.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { dataCipher } from "../../../src/crypto/data-key";
import { maskPhone } from "../../../src/domain/masking";
import type { SmsCodeSession } from "../../../src/sessions/sms-code-session";
import { Applicant, forgetSends, latestCode, textOf, uniquePhone } from "../applicant";
import { newPartner, newVerification } from "../helpers";

async function start() {
  const { testKey } = await newPartner();
  const v = await newVerification(testKey);
  const phone = uniquePhone();
  await forgetSends(phone);
  return { testKey, phone, applicant: new Applicant(v.id) };
}

/** The 获取验证码 button as rendered: whether it is disabled, and the seconds it shows. */
function sendButton(html: string) {
  const tag = /<button[^>]*value="send_code"[^>]*>([^<]*)<\/button>/.exec(html);
  if (!tag) throw new Error("no 获取验证码 button");
  const seconds = /(\d+) 秒后可重新获取/.exec(tag[1]!)?.[1];
  return { disabled: /\sdisabled(\s|>|=)/.test(tag[0]), text: tag[1]!.trim(), seconds: seconds === undefined ? null : Number(seconds) };
}

const phoneInvalid = (html: string) => /<input[^>]*id="f-phone"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-phone"/.test(html) || html.includes('id="f-phone-error"');

describe("获取验证码 on the sign-in form", () => {
  it("should be enabled before any code, and disabled with the seconds left after one, on the answer and on a reload", async () => {
    const { phone, applicant } = await start();
    expect(sendButton((await applicant.open()).html)).toMatchObject({ disabled: false, text: "获取验证码", seconds: null });
    for (const page of [await applicant.post("/authorize", { action: "send_code", phone }, { htmx: true }), await applicant.open()]) {
      expect(textOf(page.html)).toContain(`验证码已发送至 ${maskPhone(phone)}`);
      const button = sendButton(page.html);
      expect(button.disabled).toBe(true);
      expect(button.seconds).toBeGreaterThan(50);
      expect(button.seconds).toBeLessThanOrEqual(60);
      // The countdown's script gets the button's own label back for when the wait is over.
      expect(page.html).toMatch(/data-label="获取验证码"/);
    }
  });

  it.each([
    ["as htmx", true],
    ["as a plain form", false],
  ])("should keep the confirmation and the phone valid on a second tap while the countdown runs (%s)", async (_, htmx) => {
    const { testKey, phone, applicant } = await start();
    await applicant.post("/authorize", { action: "send_code", phone, consent: "yes" }, { htmx });
    const code = await latestCode(testKey, phone);
    const again = await applicant.post("/authorize", { action: "send_code", phone, consent: "yes" }, { htmx });
    expect(again.status).toBe(200);
    expect(textOf(again.html)).toContain(`验证码已发送至 ${maskPhone(phone)}`);
    expect(textOf(again.html)).not.toContain("太频繁");
    expect(phoneInvalid(again.html)).toBe(false);
    expect(sendButton(again.html).disabled).toBe(true);
    expect(again.html).toMatch(/<input[^>]*id="f-consent"[^>]*checked/);
    // No second code went out: the first still signs in.
    expect(await latestCode(testKey, phone)).toBe(code);
    const signedIn = await applicant.post("/authorize", { action: "authorize", phone, code, consent: "yes" });
    expect(signedIn.step).not.toBe("authorize");
  });

  it("should keep the confirmation and the countdown beside a wrong code's error", async () => {
    const { phone, applicant } = await start();
    await applicant.post("/authorize", { action: "send_code", phone });
    const wrong = await applicant.post("/authorize", { action: "authorize", phone, code: "000000", consent: "yes" }, { htmx: true });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('id="f-code-error"');
    expect(textOf(wrong.html)).toContain(`验证码已发送至 ${maskPhone(phone)}`);
    expect(sendButton(wrong.html).disabled).toBe(true);
  });

  it("should never say a code voided by five wrong tries is valid, and still count down to the next", async () => {
    const { testKey, phone, applicant } = await start();
    await applicant.post("/authorize", { action: "send_code", phone });
    const right = await latestCode(testKey, phone);
    const wrong = right === "000000" ? "111111" : "000000";
    let last = await applicant.post("/authorize", { action: "authorize", phone, code: wrong, consent: "yes" });
    for (let i = 0; i < 4; i++) last = await applicant.post("/authorize", { action: "authorize", phone, code: wrong, consent: "yes" });
    expect(textOf(last.html)).toContain("验证码错误次数过多");
    for (const page of [last, await applicant.open()]) {
      expect(textOf(page.html)).not.toContain("验证码已发送至");
      expect(sendButton(page.html).disabled).toBe(true);
    }
    // A tap before the wait is over says how long to wait, and still not against the number.
    const early = await applicant.post("/authorize", { action: "send_code", phone });
    expect(early.status).toBe(422);
    expect(textOf(early.html)).toMatch(/验证码发送太频繁，请 \d+ 秒后再试/);
    expect(early.html).toContain('data-send-limit="cooldown"');
    expect(phoneInvalid(early.html)).toBe(false);
    // Once the wait is over, the button is enabled again and a new code goes out.
    await forgetSends(phone);
    expect(sendButton((await applicant.open()).html).disabled).toBe(false);
    const fresh = await applicant.post("/authorize", { action: "send_code", phone });
    expect(textOf(fresh.html)).toContain("验证码已发送至");
    expect(await latestCode(testKey, phone)).not.toBe(right);
  });

  it("should say a limit reached above the form, not against the number, with the wait on the button", async () => {
    const { phone, applicant } = await start();
    const cipher = await dataCipher(env.DATA_KEY!);
    const object = env.SMS_CODES.get(env.SMS_CODES.idFromName(`phone:${await cipher.hash("phone", phone)}`));
    await runInDurableObject(object, (_o: SmsCodeSession, state) =>
      state.storage.put(
        "sentAt",
        Array.from({ length: 5 }, (_, i) => Date.now() - (50 - i) * 60_000),
      ),
    );
    const page = await applicant.post("/authorize", { action: "send_code", phone }, { htmx: true });
    expect(page.status).toBe(422);
    expect(textOf(page.html)).toContain("1 小时内获取验证码已达 5 次");
    expect(page.html).toContain('data-send-limit="hourly_limit"');
    expect(phoneInvalid(page.html)).toBe(false);
    expect(textOf(page.html)).not.toContain("验证码已发送至");
    const button = sendButton(page.html);
    expect(button.disabled).toBe(true);
    expect(button.seconds).toBeGreaterThan(9 * 60);
  });
});

describe("a number that got a code for another verification less than a minute ago", () => {
  it("should say so plainly, keep the number valid, and tell its code from a wrong one, while the other verification's code still works there", async () => {
    const { testKey } = await newPartner();
    const phone = uniquePhone();
    await forgetSends(phone);
    const first = new Applicant((await newVerification(testKey)).id);
    const second = new Applicant((await newVerification(testKey)).id);
    await first.post("/authorize", { action: "send_code", phone });
    const firstCode = await latestCode(testKey, phone);

    const refused = await second.post("/authorize", { action: "send_code", phone, consent: "yes" }, { htmx: true });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('data-send-limit="cooldown_elsewhere"');
    expect(textOf(refused.html)).toMatch(/这个号码不到 1 分钟前刚收到过一条验证码，那是另一次认证的.*请 \d+ 秒后获取新的验证码/);
    expect(textOf(refused.html)).not.toContain("验证码已发送至");
    expect(textOf(refused.html)).not.toContain("太频繁");
    expect(phoneInvalid(refused.html)).toBe(false);
    expect(sendButton(refused.html).disabled).toBe(true);
    // A reload says the same, not a bare countdown.
    expect((await second.open()).html).toContain('data-send-limit="cooldown_elsewhere"');

    // The first verification's code, typed in the second: not "wrong", but whose it is.
    const typed = await second.post("/authorize", { action: "authorize", phone, code: firstCode, consent: "yes" }, { htmx: true });
    expect(typed.status).toBe(422);
    expect(textOf(typed.html)).toContain("刚收到的那条属于另一次认证");
    expect(typed.html).toMatch(/<input[^>]*id="f-consent"[^>]*checked/);

    const signedIn = await first.post("/authorize", { action: "authorize", phone, code: firstCode, consent: "yes" });
    expect(signedIn.step).not.toBe("authorize");
  });

  it("should say it in English too", async () => {
    const { testKey } = await newPartner();
    const phone = uniquePhone();
    await forgetSends(phone);
    const first = new Applicant((await newVerification(testKey, { type: "person", locale: "en" })).id);
    const second = new Applicant((await newVerification(testKey, { type: "person", locale: "en" })).id);
    await first.post("/authorize", { action: "send_code", phone });
    const refused = await second.post("/authorize", { action: "send_code", phone }, { htmx: true });
    expect(textOf(refused.html)).toMatch(/This number got a code less than a minute ago for another verification .* Get a new code in \d+ seconds\./);
  });
});

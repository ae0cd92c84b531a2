import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { dataCipher } from "../../../src/crypto/data-key";
import type { SmsCodeSession } from "../../../src/sessions/sms-code-session";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, latestCode, textOf } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";

const me = TEST_IDENTITIES[1];

async function phoneObject(phone: string) {
  const cipher = await dataCipher(env.DATA_KEY!);
  return env.SMS_CODES.get(env.SMS_CODES.idFromName(`phone:${await cipher.hash("phone", phone)}`));
}

const FORMS = {
  mobile3: { consent: "yes", name: me.name, id_number: me.idNumber, phone: me.phone },
  bankcard4: { consent: "yes", name: me.name, id_number: me.idNumber, phone: me.phone, card_number: me.cardNumber },
};

describe.each(["mobile3", "bankcard4"] as const)("SMS codes in %s", (method) => {
  const purpose = method === "mobile3" ? "手机号实名认证" : "银行卡实名认证";

  async function atCodeStep() {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: [method] });
    const a = new Applicant(v.id);
    await a.signIn(testKey);
    await runInDurableObject(await phoneObject(me.phone), (_o: SmsCodeSession, state) => state.storage.delete("sentAt"));
    const page = await a.post(`/methods/${method}`, FORMS[method]);
    expect(page.step).toBe("code");
    return { testKey, v, a };
  }

  it("should store only a keyed hash of the code", async () => {
    const { testKey } = await atCodeStep();
    const code = await latestCode(testKey, me.phone);
    await runInDurableObject(await phoneObject(me.phone), async (_o: SmsCodeSession, state) => {
      const stored = await state.storage.get<Record<string, unknown>>("code");
      expect(stored).toMatchObject({ codeHash: expect.stringMatching(/^[0-9a-f]{64}$/), purpose: method, wrongTries: 0 });
      expect(JSON.stringify(await state.storage.list())).not.toContain(code);
    });
  });

  it("should send 6 random digits, in Chinese, with the signature and validity", async () => {
    const { testKey } = await atCodeStep();
    const res = await call(`/v1/test_helpers/sms?phone=${me.phone}`, { key: testKey });
    expect(res.json.data[0]).toMatchObject({ object: "sandbox_sms", phone: "139****5678", text: expect.stringMatching(new RegExp(`^【实名认证】您的验证码为\\d{6}，用于${purpose}，5分钟内有效。`)) });
  });

  it("should void the code after five wrong tries and count a failed attempt", async () => {
    const { testKey, v, a } = await atCodeStep();
    const right = await latestCode(testKey, me.phone);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      const page = await a.post(`/methods/${method}/code`, { action: "confirm", code: wrong });
      expect(textOf(page.html)).toContain(`验证码不正确，还可以尝试 ${left} 次`);
    }
    const fifth = await a.post(`/methods/${method}/code`, { action: "confirm", code: wrong });
    expect(textOf(fifth.html)).toContain("验证码错误次数过多，已失效");
    const after = await a.post(`/methods/${method}/code`, { action: "confirm", code: right });
    expect(after.html).not.toContain('data-status="verified"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", failed_attempts: 1, failure_reason: "code_tries_exhausted" });
  });

  it("should refuse a resend within 60 seconds and say how long to wait", async () => {
    const { a } = await atCodeStep();
    const page = await a.post(`/methods/${method}/code`, { action: "resend" });
    expect(page.status).toBe(422);
    expect(textOf(page.html)).toMatch(/验证码发送太频繁，请 (60|59|58) 秒后再试/);
  });

  it("should refuse the 11th send in a day", async () => {
    const { a } = await atCodeStep();
    const hour = 3_600_000;
    await runInDurableObject(await phoneObject(me.phone), (_o: SmsCodeSession, state) =>
      state.storage.put(
        "sentAt",
        Array.from({ length: 10 }, (_, i) => Date.now() - (20 - i) * hour),
      ),
    );
    const page = await a.post(`/methods/${method}/code`, { action: "resend" });
    expect(textOf(page.html)).toContain("24 小时内获取验证码已达 10 次");
  });

  it("should expire a code when its alarm fires", async () => {
    const { testKey, a } = await atCodeStep();
    const code = await latestCode(testKey, me.phone);
    expect(await runDurableObjectAlarm(await phoneObject(me.phone))).toBe(true);
    const page = await a.post(`/methods/${method}/code`, { action: "confirm", code });
    expect(textOf(page.html)).toContain("验证码已过期，请重新获取");
  });

  it("should forget the phone a day after its last send, and keep its limits until then", async () => {
    const { a } = await atCodeStep();
    const phone = await phoneObject(me.phone);
    // The code's alarm: a tombstone and the send history stay, and the object waits a day.
    expect(await runDurableObjectAlarm(phone)).toBe(true);
    const kept = await runInDurableObject(phone, async (_o: SmsCodeSession, state) => ({ keys: [...(await state.storage.list()).keys()].sort(), alarm: await state.storage.getAlarm() }));
    // Beside them at most usedSend, the time of a send whose code was entered right (an earlier
    // test's, on this phone), which lifts the cooldown: a time, nothing of the person.
    expect(kept.keys.filter((k) => k !== "usedSend")).toEqual(["code", "sentAt"]);
    expect(kept.alarm! - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // A day on (the history moved back), the next alarm leaves nothing behind.
    await runInDurableObject(phone, (_o: SmsCodeSession, state) => state.storage.put("sentAt", [Date.now() - 25 * 3_600_000]));
    expect(await runDurableObjectAlarm(phone)).toBe(true);
    expect(await runInDurableObject(phone, async (_o: SmsCodeSession, state) => (await state.storage.list()).size)).toBe(0);
    // And the applicant can simply ask for a new code.
    const page = await a.post(`/methods/${method}/code`, { action: "resend" });
    expect(page.html).not.toContain("太频繁");
  });

  it("should let exactly one of two tabs submitting the same code win", async () => {
    const { testKey, v, a } = await atCodeStep();
    const code = await latestCode(testKey, me.phone);
    const [one, two] = await Promise.all([
      a.post(`/methods/${method}/code`, { action: "confirm", code }, { htmx: true }),
      a.post(`/methods/${method}/code`, { action: "confirm", code }, { htmx: true }),
    ]);
    expect([one.step, two.step]).toEqual(["result", "result"]);
    const events = await env.DB.prepare("select type, data from verification_events where verification_id = ? and type in ('verification.verify', 'sms.checked') order by rowid")
      .bind(v.id)
      .all<{ type: string; data: string }>();
    expect(events.results.filter((e) => e.type === "verification.verify")).toHaveLength(1);
    const checks = events.results.filter((e) => e.type === "sms.checked").map((e) => JSON.parse(e.data).outcome);
    expect(checks.slice(-2).sort()).toEqual(["correct", "no_code"]);
  });
});

describe("SMS codes at app authorization", () => {
  it("should never reveal in an answer whether a number is known", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const a = new Applicant(v.id);
    const fresh = await a.post("/authorize", { action: "send_code", phone: "13700001234" });
    expect(fresh.status).toBe(200);
    expect(textOf(fresh.html)).toContain("验证码已发送至 137****1234");
    expect(fresh.html).not.toContain(await latestCode(testKey, "13700001234"));
  });

  it("should limit sends per IP", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const a = new Applicant(v.id, "198.51.100.7");
    await runInDurableObject(env.SMS_CODES.get(env.SMS_CODES.idFromName(`ip:${await (await dataCipher(env.DATA_KEY!)).hash("ip", "198.51.100.7")}`)), (_o: SmsCodeSession, state) =>
      state.storage.put(
        "sentAt",
        Array.from({ length: 30 }, (_, i) => Date.now() - (i + 1) * 60_000),
      ),
    );
    const page = await a.post("/authorize", { action: "send_code", phone: "13700004321" });
    expect(page.status).toBe(422);
    expect(textOf(page.html)).toContain("当前网络获取验证码过于频繁");
  });
});

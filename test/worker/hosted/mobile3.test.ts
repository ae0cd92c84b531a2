import { env } from "cloudflare:workers";
import { createLocalJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, latestCode, textOf, uniquePhone } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";

const identity = TEST_IDENTITIES[0];

async function startMobile3(extra: Record<string, unknown> = {}) {
  const { testKey, id: partnerId } = await newPartner("宁波产权");
  const v = await newVerification(testKey, { type: "person", methods: ["mobile3"], redirect_url: "https://partner.example/back", ...extra });
  const a = new Applicant(v.id);
  const me = { name: identity.name, idNumber: identity.idNumber, phone: uniquePhone() };
  const signed = await a.signIn(testKey);
  return { testKey, v, a, signed, me, partnerId };
}

describe("mobile3 journey", () => {
  it("should verify the applicant after carrier check and SMS code, and send them back", async () => {
    const { testKey, v, a, signed, me, partnerId } = await startMobile3();
    expect(signed.location).toBe(`/v/${v.id}`);
    expect(signed.step).toBe("method_form");
    expect(textOf(signed.html)).toContain("手机号认证");

    const checked = await a.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: me.phone });
    expect(checked.step).toBe("code");
    expect(textOf(checked.html)).toContain(`验证码已发送至 ${me.phone.slice(0, 3)}****${me.phone.slice(-4)}`);

    const code = await latestCode(testKey, me.phone);
    const result = await a.post("/methods/mobile3/code", { action: "confirm", code });
    expect(result.step).toBe("result");
    expect(result.html).toContain('data-status="verified"');
    expect(textOf(result.html)).toContain("姓名 *三 身份证号 1101************33");
    expect(textOf(result.html)).toMatch(/认证方式 手机号认证 认证时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(result.html).toContain(`https://partner.example/back?verification_id=${v.id}&amp;status=verified`);
    // The automatic return is started by a script that also offers to stay (WCAG 2.2.1), never a timed meta refresh.
    expect(result.html).not.toContain('http-equiv="refresh"');
    expect(result.html).toContain('id="return-stay"');
    const back = new URL(/data-return[^>]*href="([^"]+)"|href="([^"]+)"[^>]*data-return/.exec(result.html)!.slice(1).find(Boolean)!.replace(/&amp;/g, "&"));
    const jwks = createLocalJWKSet((await call("/.well-known/jwks.json")).json);
    const { payload } = await jwtVerify(back.searchParams.get("token")!, jwks, { audience: `${partnerId}:test` });
    expect(payload).toMatchObject({ sub: v.id, status: "verified", method: "mobile3", livemode: false });

    // Anyone else holding the link sees only the outcome: no masked identity, no signed token.
    const stranger = await new Applicant(v.id).open();
    expect(stranger.html).toContain('data-status="verified"');
    expect(textOf(stranger.html)).not.toContain("1101************33");
    expect(stranger.html).toContain(`https://partner.example/back?verification_id=${v.id}&amp;status=verified`);
    expect(stranger.html).not.toContain("token=");

    const api = await call(`/v1/verifications/${v.id}`, { key: testKey });
    expect(api.json).toMatchObject({ status: "verified", method: "mobile3", person: { name: "*三", id_number: "1101************33", phone: `${me.phone.slice(0, 3)}****${me.phone.slice(-4)}` } });
    const row = await env.DB.prepare("select person_name_enc, pending_enc, state from verifications where id = ?").bind(v.id).first();
    expect(row).toEqual({ person_name_enc: null, pending_enc: null, state: JSON.stringify({ kind: "verified", method: "mobile3" }) });
  });

  it("should record every attempt, provider call and SMS as events without personal data", async () => {
    const { testKey, v, a, me } = await startMobile3();
    await a.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: "13800130002" });
    await a.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: me.phone });
    await a.post("/methods/mobile3/code", { action: "confirm", code: await latestCode(testKey, me.phone) });
    const events = await env.DB.prepare("select type, data from verification_events where verification_id = ? order by created_at, rowid").bind(v.id).all<{ type: string; data: string }>();
    expect(events.results.map((e) => e.type)).toEqual([
      "verification.created",
      "sms.sent",
      "sms.checked",
      "applicant.authorized",
      // Each submission records the form's consent in its own write.
      "consent.recorded",
      "verification.start",
      "provider.call",
      "verification.attempt_failed",
      "consent.recorded",
      "provider.call",
      // The code goes out first, and its record is written with the step it opens.
      "sms.sent",
      "method.checks_passed",
      "sms.checked",
      "verification.verify",
    ]);
    const all = JSON.stringify(events.results);
    for (const secret of [me.idNumber, me.phone, me.name]) expect(all).not.toContain(secret);
    expect(JSON.parse(events.results[6]!.data)).toMatchObject({
      capability: "carrier",
      provider: "sandbox",
      outcome: "no_match",
      reason: "phone_not_registered_to_id",
      serial: expect.stringMatching(/^sbx_/),
    });
  });

  it.each([
    ["phone_not_registered_to_id", { phone: "13800130002" }, "该手机号不是用此身份证办理的"],
    ["name_id_mismatch", { name: "王不符" }, "姓名与身份证号不一致"],
  ])("should explain a %s failure, keep what was typed and count the attempt", async (reason, change, sentence) => {
    const { testKey, v, a, me } = await startMobile3();
    const fields = { consent: "yes", name: me.name, id_number: me.idNumber, phone: me.phone, ...change };
    const page = await a.post("/methods/mobile3", fields);
    expect(page.status).toBe(422);
    expect(page.html).toContain(`data-reason="${reason}"`);
    expect(textOf(page.html)).toContain(sentence);
    expect(textOf(page.html)).toContain("还可核验 2 次");
    expect(page.html).toContain(`value="${fields.phone}"`);
    expect(page.html).toContain(`value="${fields.name}"`);
    const api = await call(`/v1/verifications/${v.id}`, { key: testKey });
    expect(api.json).toMatchObject({ status: "in_progress", failed_attempts: 1, failure_reason: reason });
  });

  it("should tell the applicant to try later when the carrier is down, without counting an attempt", async () => {
    const { testKey, v, a, me } = await startMobile3();
    const page = await a.post("/methods/mobile3", { consent: "yes", name: "李超时", id_number: me.idNumber, phone: me.phone });
    expect(page.html).toContain('data-reason="provider_unavailable"');
    expect(textOf(page.html)).toContain("不计入失败次数");
    expect(page.html).toContain('value="李超时"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.failed_attempts).toBe(0);
    // The method started, then its check was unavailable: the log says so in that order.
    const log = await env.DB.prepare("select type from verification_events where verification_id = ? order by created_at, rowid").bind(v.id).all<{ type: string }>();
    expect(log.results.map((e) => e.type).slice(-3)).toEqual(["verification.start", "provider.call", "method.checks_unavailable"]);
  });

  it("should not let a code of one method verify after another method was started from a stale tab", async () => {
    const { testKey, v, a, me } = await startMobile3({ methods: ["mobile3", "bankcard4"] });
    await a.post("/method", { method: "mobile3" });
    await a.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: me.phone });
    const code = await latestCode(testKey, me.phone);
    // The other tab still shows the bank card form; its check is unavailable.
    await a.post("/methods/bankcard4", { consent: "yes", name: "李超时", id_number: me.idNumber, card_number: identity.cardNumber, phone: me.phone });
    await a.post("/methods/mobile3/code", { action: "confirm", code });
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", method: "bankcard4" });
  });

  it("should fail the verification on the third failed check", async () => {
    const { testKey, v, a, me } = await startMobile3();
    const bad = { consent: "yes", name: "王不符", id_number: me.idNumber, phone: me.phone };
    await a.post("/methods/mobile3", bad);
    await a.post("/methods/mobile3", bad);
    const third = await a.post("/methods/mobile3", bad);
    expect(third.step).toBe("result");
    expect(third.html).toContain('data-status="failed"');
    expect(textOf(third.html)).toContain("姓名与身份证号不一致");
    // The tries are used up, said once; no advice to try again beside "start again at the partner".
    expect(textOf(third.html)).toContain("核验失败次数已达 3 次");
    expect(textOf(third.html)).not.toContain("请核对后重试");
    expect(third.html).not.toContain("location.assign");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "failed", failed_attempts: 3 });
  });

  it("should put each field error next to its field and focus the first", async () => {
    const { a, me } = await startMobile3();
    const page = await a.post("/methods/mobile3", { consent: "yes", name: "张3", id_number: "110101199003071234", phone: me.phone }, { htmx: true });
    expect(page.status).toBe(422);
    expect(page.html.startsWith('<section class="card" id="step"')).toBe(true);
    expect(page.html).toMatch(/<input id="f-name"[^>]*aria-invalid="true"[^>]*aria-describedby="f-name-error"[^>]*autofocus/);
    expect(page.html).toContain('<p class="error" id="f-id_number-error">身份证号校验位不正确，请核对最后一位。</p>');
    expect(page.html).toContain('value="110101199003071234"');
    expect(page.html).not.toContain("f-phone-error");
  });

  it("should answer htmx posts with the next step's fragment in one request", async () => {
    const { a, me } = await startMobile3();
    const page = await a.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: me.phone }, { htmx: true });
    expect(page.status).toBe(200);
    expect(page.step).toBe("code");
    expect(page.html).not.toContain("<html");
  });
});

describe("what the partner pre-filled", () => {
  it("should show it masked, use it when left blank, and never echo it back in full", async () => {
    const { testKey } = await newPartner("预填");
    const phone = uniquePhone();
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"], person: { name: identity.name, id_number: identity.idNumber, phone } });
    const a = new Applicant(v.id);
    const form = await a.signIn(testKey);
    expect(form.step).toBe("method_form");
    for (const full of [identity.idNumber, identity.name, phone]) expect(form.html).not.toContain(full);
    expect(form.html).toContain('<span class="value">1101************33</span>');
    expect(form.html).toContain(`<span class="value">${phone.slice(0, 3)}****${phone.slice(-4)}</span>`);

    // A typed field wins; the blank ones take the stored values, which never come back in the page.
    const wrong = await a.post("/methods/mobile3", { consent: "yes", name: "王不符", id_number: "", phone: "" });
    expect(wrong.html).toContain('data-reason="name_id_mismatch"');
    expect(wrong.html).toContain('value="王不符"');
    expect(wrong.html).not.toContain(identity.idNumber);
    expect(wrong.html).not.toContain(phone);

    const checked = await a.post("/methods/mobile3", { consent: "yes", name: "", id_number: "", phone: "" });
    expect(checked.step).toBe("code");
    // Back to edit from the code step: still masked, never the full pre-filled values.
    const edit = await a.open("?edit=1");
    expect(edit.step).toBe("method_form");
    for (const full of [identity.idNumber, identity.name, phone]) expect(edit.html).not.toContain(full);
    expect(edit.html).toContain('<span class="value">1101************33</span>');
    await a.post("/methods/mobile3/code", { action: "confirm", code: await latestCode(testKey, phone) });
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", person: { id_number: "1101************33" } });
  });
});

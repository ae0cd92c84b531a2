// The method form as a newcomer meets it (issue 11, items 15, 16, 22 and its consent): what is
// pre-filled shows masked in the field's place with 修改 to type another, the sign-in phone is
// offered for the method's phone and needs no second code, and the form's consent is required
// and recorded with its text's version and hash in the write of the submission.
import { LEGAL_VERSION } from "../../../src/flow/consent";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dataCipher } from "../../../src/crypto/data-key";
import { sha256Hex } from "../../../src/crypto/hash";
import { CONSENT_TEXTS } from "../../../src/flow/consent";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { methodConsentText } from "../../../views/components/method-consent";
import { Applicant, latestCode, textOf, uniquePhone } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";

const identity = TEST_IDENTITIES[0];
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

async function signedIn(body: Record<string, unknown>) {
  const { testKey } = await newPartner("预填测试");
  const v = await newVerification(testKey, { type: "person", ...body });
  const a = new Applicant(v.id);
  const phone = uniquePhone();
  const form = await a.signIn(testKey, phone);
  return { testKey, v, a, phone, form };
}

/** The field's block, from its wrapper to the next field's. */
function fieldBlock(html: string, field: string): string {
  const start = html.indexOf(`id="f-${field}-wrap"`);
  const end = html.indexOf('<div class="field"', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
}

async function events(id: string) {
  const rows = await env.DB.prepare("select type, data from verification_events where verification_id = ? order by created_at, rowid").bind(id).all<{ type: string; data: string }>();
  return rows.results.map((e) => ({ type: e.type, data: JSON.parse(e.data) as Record<string, unknown> }));
}

async function smsCount(testKey: string, phone: string) {
  return (await call(`/v1/test_helpers/sms?phone=${phone}`, { key: testKey })).json.data.length as number;
}

describe("a pre-filled field", () => {
  it("should show the masked value in the field's place, closed, with 修改 revealing an empty input", async () => {
    const { form } = await signedIn({ methods: ["mobile3"], person: { name: identity.name, id_number: identity.idNumber } });
    const name = fieldBlock(form.html, "name");
    expect(name).toMatch(
      /<details class="prefill"><summary><span class="value">\*三<\/span><span class="from">预填测试已提供<\/span><span class="change">修改<span class="visually-hidden"> 姓名<\/span><\/span><\/summary>/,
    );
    expect(name).toMatch(/<input id="f-name" name="name" type="text" value=""/);
    expect(name).toContain("留空则使用 *三。");
    expect(fieldBlock(form.html, "id_number")).toContain('<span class="value">1101************33</span>');
    // The old hint that made the field look empty is gone, and nothing shows in full.
    expect(form.html).not.toContain("已预填");
    for (const full of [identity.name, identity.idNumber]) expect(form.html).not.toContain(full);
    // Every field pre-filled (the sign-in phone too): nothing to type, so focus goes to the consent.
    expect(form.html).not.toMatch(/<input id="f-[a-z_]+"[^>]*autofocus/);
    expect(form.html).toMatch(/id="f-consent"[^>]*autofocus/);
  });

  it("should keep a typed value and its error with the field open, the untouched ones closed", async () => {
    const { a } = await signedIn({ methods: ["mobile3"], person: { name: identity.name, id_number: identity.idNumber } });
    const page = await a.post("/methods/mobile3", { consent: "yes", name: "张3", id_number: "", phone: uniquePhone() });
    expect(page.status).toBe(422);
    const name = fieldBlock(page.html, "name");
    expect(name).toContain('<details class="prefill" open="">');
    expect(name).toMatch(/<input id="f-name" name="name" type="text" value="张3"[^>]*aria-invalid="true"[^>]*aria-describedby="f-name-keep f-name-error"[^>]*autofocus/);
    expect(name).toContain('<p class="error" id="f-name-error">');
    expect(fieldBlock(page.html, "id_number")).toContain('<details class="prefill"><summary>');
    expect(page.html).not.toContain(identity.idNumber);
  });

  it("should use another value typed in place of the pre-filled one", async () => {
    const { a } = await signedIn({ methods: ["mobile3"], person: { name: identity.name, id_number: identity.idNumber } });
    const page = await a.post("/methods/mobile3", { consent: "yes", name: "王不符", id_number: "", phone: uniquePhone() });
    expect(page.html).toContain('data-reason="name_id_mismatch"');
  });
});

describe("the sign-in phone on the method form", () => {
  it.each([
    ["mobile3", {}],
    ["bankcard4", { card_number: identity.cardNumber }],
  ] as const)("should offer it masked on %s, never in full, and verify with the one sign-in SMS when left as it is", async (method, extra) => {
    const { testKey, v, a, phone, form } = await signedIn({ methods: [method] });
    const field = fieldBlock(form.html, "phone");
    expect(field).toContain(`<span class="value">${masked(phone)}</span><span class="from">登录所用的手机号</span>`);
    expect(field).toMatch(/<input id="f-phone" name="phone" type="tel" value=""/);
    expect(form.html).not.toContain(phone);
    // Nor can the cookie be read for it: the phone is sealed in the session.
    expect([...a.cookies.values()].join(";")).not.toContain(phone);

    const done = await a.post(`/methods/${method}`, { consent: "yes", name: identity.name, id_number: identity.idNumber, phone: "", ...extra });
    expect(done.step).toBe("result");
    expect(done.html).toContain('data-status="verified"');
    expect(await smsCount(testKey, phone)).toBe(1);
    const log = await events(v.id);
    expect(log.find((e) => e.type === "method.phone_proven")?.data).toMatchObject({ method, by: "app_authorization" });
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.person.phone).toBe(masked(phone));
  });

  it("should send a code to another phone typed in its place", async () => {
    const { testKey, a, phone } = await signedIn({ methods: ["mobile3"] });
    const other = uniquePhone();
    const page = await a.post("/methods/mobile3", { consent: "yes", name: identity.name, id_number: identity.idNumber, phone: other });
    expect(page.step).toBe("code");
    expect(await latestCode(testKey, other)).toMatch(/^\d{6}$/);
    expect(await smsCount(testKey, phone)).toBe(1);
    // Back to the form: the typed phone is the applicant's own, shown as typed.
    const edit = await a.open("?edit=1");
    expect(fieldBlock(edit.html, "phone")).not.toContain("<details");
    expect(edit.html).toContain(`value="${other}"`);
  });

  it("should stay masked when going back to the form after using it", async () => {
    const { a, phone } = await signedIn({ methods: ["bankcard4"], options: { collect_id_images: true } });
    const photos = await a.post("/methods/bankcard4", { consent: "yes", name: identity.name, id_number: identity.idNumber, card_number: identity.cardNumber, phone: "" });
    expect(photos.step).toBe("id_photos");
    const edit = await a.open("?edit=1");
    expect(edit.step).toBe("method_form");
    expect(fieldBlock(edit.html, "phone")).toContain(`<span class="value">${masked(phone)}</span>`);
    expect(edit.html).not.toContain(phone);
  });

  it("should leave the partner's pre-filled phone first", async () => {
    const partnerPhone = uniquePhone();
    const { form, phone } = await signedIn({ methods: ["mobile3"], person: { phone: partnerPhone } });
    expect(fieldBlock(form.html, "phone")).toContain(`<span class="value">${masked(partnerPhone)}</span><span class="from">预填测试已提供</span>`);
    expect(form.html).not.toContain(masked(phone));
  });

  it("should sign out a browser whose sealed phone was altered or swapped for another's", async () => {
    const { a } = await signedIn({ methods: ["mobile3"] });
    const { a: other } = await signedIn({ methods: ["mobile3"] });
    const cookieOf = (x: Applicant) => [...x.cookies].find(([k]) => k.startsWith("sm_applicant"))!;
    const [name, value] = cookieOf(a);
    // vid.applicant.expires.signedIn.v1.<sealed phone>.tag: the MAC covers the sealed phone too.
    const parts = value.split(".");
    expect(parts).toHaveLength(7);
    const theirs = cookieOf(other)[1].split(".");
    for (const sealed of [theirs[5]!, parts[5]!.split("").reverse().join("")]) {
      a.cookies.set(name, [...parts.slice(0, 5), sealed, parts[6]].join("."));
      expect((await a.open()).step).toBe("authorize");
    }
    a.cookies.set(name, value);
    expect((await a.open()).step).toBe("method_form");
  });

  it("should keep a session cookie issued before the phone was sealed in it, offering no phone", async () => {
    const { a, phone } = await signedIn({ methods: ["mobile3"] });
    const [name, value] = [...a.cookies].find(([k]) => k.startsWith("sm_applicant"))!;
    const payload = value.split(".").slice(0, 4).join(".");
    const cipher = await dataCipher(env.DATA_KEY!);
    a.cookies.set(name, `${payload}.${await cipher.hash("applicant_cookie", payload)}`);
    const form = await a.open();
    expect(form.step).toBe("method_form");
    expect(fieldBlock(form.html, "phone")).not.toContain("<details");
    expect(form.html).not.toContain(masked(phone));
  });
});

describe("the method form's consent", () => {
  it("should be required: a field error beside it, what was typed kept, nothing checked or recorded", async () => {
    const { v, a } = await signedIn({ methods: ["mobile3"] });
    const other = uniquePhone();
    const page = await a.post("/methods/mobile3", { name: identity.name, id_number: identity.idNumber, phone: other }, { htmx: true });
    expect(page.status).toBe(422);
    expect(page.html).toMatch(/<input type="checkbox" id="f-consent" name="consent" value="yes" aria-invalid="true" aria-describedby="f-consent-error" autofocus/);
    expect(page.html).toContain('<p class="error" id="f-consent-error">请阅读并勾选同意《服务协议》和《隐私政策》。</p>');
    for (const typed of [identity.name, identity.idNumber, other]) expect(page.html).toContain(`value="${typed}"`);
    const log = await events(v.id);
    expect(log.map((e) => e.type)).not.toContain("provider.call");
    expect(log.map((e) => e.type)).not.toContain("consent.recorded");
    const rows = await env.DB.prepare("select kind from consents where verification_id = ?").bind(v.id).all<{ kind: string }>();
    expect(rows.results.map((r) => r.kind)).toEqual(["app_authorization"]);
  });

  it("should say both a field's error and the missing tick at once, and keep a tick that was given", async () => {
    const { a } = await signedIn({ methods: ["mobile3"] });
    const unticked = await a.post("/methods/mobile3", { name: "张3", id_number: identity.idNumber, phone: uniquePhone() });
    expect(unticked.html).toContain('id="f-name-error"');
    expect(unticked.html).toContain('id="f-consent-error"');
    expect(unticked.html).toMatch(/<input id="f-name"[^>]*autofocus/);
    const ticked = await a.post("/methods/mobile3", { consent: "yes", name: "张3", id_number: identity.idNumber, phone: uniquePhone() });
    expect(ticked.html).toMatch(/id="f-consent" name="consent" value="yes" checked=""/);
    expect(ticked.html).not.toContain('id="f-consent-error"');
  });

  it.each(["mobile3", "bankcard4", "face"])("should be recorded for %s with its text's version and hash, in the submission's write", async (method) => {
    const { testKey, v, a } = await signedIn({ methods: [method] });
    const fields: Record<string, string> = { consent: "yes", name: identity.name, id_number: identity.idNumber };
    if (method !== "face") fields.phone = uniquePhone();
    if (method === "bankcard4") fields.card_number = identity.cardNumber;
    await a.post(`/methods/${method}`, fields);
    const hash = await sha256Hex(CONSENT_TEXTS.method_processing.text(method));
    const row = await env.DB.prepare("select id, kind, text_version, text_hash, applicant_id, ip_masked from consents where verification_id = ? and kind = 'method_processing'")
      .bind(v.id)
      .first<Record<string, string>>();
    expect(row).toMatchObject({ kind: "method_processing", text_version: LEGAL_VERSION, text_hash: hash, ip_masked: expect.stringMatching(/^203\.0\.113\.0\/24$/) });
    const log = await events(v.id);
    const recorded = log.find((e) => e.type === "consent.recorded");
    expect(recorded?.data).toEqual({ consent_id: row!.id, kind: "method_processing", method, text_version: LEGAL_VERSION, text_hash: hash });
    // Before the method's start, in the same write as it.
    expect(log.map((e) => e.type).indexOf("consent.recorded")).toBe(log.map((e) => e.type).indexOf("verification.start") - 1);
    const evidence = await call(`/v1/verifications/${v.id}/evidence`, { key: testKey });
    const record = JSON.parse(atob(evidence.json.jws.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    expect(record.consents).toContainEqual(expect.objectContaining({ id: row!.id, kind: "method_processing", text_version: LEGAL_VERSION, text_hash: hash }));
  });

  it("should hash the sentence shown, naming who receives the method's details, with the legal texts", async () => {
    const { form } = await signedIn({ methods: ["mobile3"] });
    const label = /<label class="check" for="f-consent">([\s\S]*?)<\/label>/.exec(form.html)![1]!;
    expect(textOf(label).replace(/\s/g, "")).toBe(methodConsentText("zh-CN", "mobile3"));
    expect(methodConsentText("zh-CN", "mobile3")).toBe("我已阅读并同意相关协议《服务协议》和《隐私政策》，同意将以上信息提交给手机运营商核验。");
    expect(label).toContain('href="/legal/service-agreement?lang=zh-CN"');
    expect(label).toContain('href="/legal/privacy?lang=zh-CN"');
    const text = CONSENT_TEXTS.method_processing.text("mobile3");
    expect(text).toContain("腾讯云");
    expect(CONSENT_TEXTS.method_processing.text("bankcard4")).toContain("发卡银行核验");
    expect(await sha256Hex(text)).not.toBe(await sha256Hex(CONSENT_TEXTS.method_processing.text("bankcard4")));
    expect(form.html).toContain(">同意并继续</button>");
  });

  it("should be recorded when the registry is down too, since the details went to it", async () => {
    const { v, a } = await signedIn({ methods: ["mobile3"] });
    await a.post("/methods/mobile3", { consent: "yes", name: "李超时", id_number: identity.idNumber, phone: uniquePhone() });
    const again = await a.post("/methods/mobile3", { consent: "yes", name: "李超时", id_number: identity.idNumber, phone: uniquePhone() });
    expect(again.html).toContain('data-reason="provider_unavailable"');
    const rows = await env.DB.prepare("select count(*) as n from consents where verification_id = ? and kind = 'method_processing'").bind(v.id).first<{ n: number }>();
    expect(rows?.n).toBe(2);
  });
});

describe("document titles quoted", () => {
  it("should use 《》 in Chinese and the bare title in English, on sign-in and on the method form", async () => {
    const { testKey } = await newPartner();
    const zh = await new Applicant((await newVerification(testKey, { type: "person", methods: ["mobile3"] })).id).open();
    expect(textOf(zh.html)).toContain("《服务协议》");
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"], locale: "en" });
    const a = new Applicant(v.id);
    const signIn = await a.open();
    expect(signIn.html).not.toContain("《");
    expect(textOf(signIn.html)).toContain("I have read and agree to the Service Agreement and the Privacy Notice");
    const form = await a.signIn(testKey);
    expect(form.step).toBe("method_form");
    expect(form.html).not.toContain("《");
    expect(textOf(form.html).replace(/ ,/g, ",")).toContain(
      "I have read and agree to the terms, the Service Agreement and the Privacy Notice, and to the details above being sent to the mobile carrier to be checked.",
    );
  });
});

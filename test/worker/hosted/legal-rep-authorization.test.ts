// legal_rep_authorization end to end in workerd: the operator invites the legal representative
// (QR link or SMS), who opens the link in their own browser, gives their ID number when the
// operator did not, verifies as a person (a child verification by mobile3 here), and signs the
// letter with an SMS code; or declines. The PDF is served to the owning partner only.
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { decodeProtectedHeader, decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { INVITATION_LIFETIME_MS } from "../../../src/domain/authorization/record";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, forgetSends, latestCode, textOf, uniquePhone } from "../applicant";
import { BASE, call, newPartner, newVerification } from "../helpers";

const legalRep = TEST_IDENTITIES[1];
const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: legalRep.name };

async function events(id: string) {
  const rows = await env.DB.prepare("select type, data from verification_events where verification_id = ? order by created_at, rowid").bind(id).all<{ type: string; data: string }>();
  return rows.results.map((r) => ({ type: r.type, data: JSON.parse(r.data) as Record<string, unknown> }));
}

/** The operator: signed in, the organization checked (with or without the legal representative's ID number), acting as an agent, the method chosen. */
async function invited(opts: { idNumber?: boolean; validityYears?: number } = {}) {
  const { testKey } = await newPartner("宁波产权交易所");
  const options = opts.validityYears ? { options: { authorization_validity_years: opts.validityYears } } : {};
  const v = await newVerification(testKey, { type: "organization", methods: ["legal_rep_authorization", "legal_rep_personal"], ...options });
  const operator = new Applicant(v.id);
  const operatorPhone = uniquePhone();
  await operator.signIn(testKey, operatorPhone);
  const role = await operator.post("/organization/check", { consent: "yes", ...ORG, ...(opts.idNumber ? { legal_rep_id_number: legalRep.idNumber } : {}) });
  expect(role.step).toBe("operator_role");
  const methods = await operator.post("/organization/role", { role: "agent" });
  const page = methods.step === "choose_method" ? await operator.post("/method", { method: "legal_rep_authorization" }) : methods;
  expect(page.step).toBe("invitation");
  return { testKey, v, operator, operatorPhone, page };
}

const linkOf = (html: string) => /id="invitation-link"[^>]*>\s*([^<\s]+)\s*</.exec(html)?.[1]?.replace(BASE, "") ?? null;

/** The legal representative opens the link in a browser of their own. */
async function opens(link: string) {
  const lr = new Applicant("", `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
  const page = await lr.visit(link);
  expect(page.status).toBe(303);
  expect(page.location).toBe("/a");
  return { lr, page: await lr.visit("/a") };
}

/** The legal representative's own verification, by mobile3 with the phone they sign in with there. */
async function verifiesAsPerson(testKey: string, lr: Applicant, childPath: string, phone = uniquePhone()) {
  const childId = childPath.replace("/v/", "");
  const child = new Applicant(childId, lr.ip);
  child.cookies = lr.cookies;
  const signedIn = await child.signIn(testKey, phone);
  expect(signedIn.step).toBe("choose_method");
  const form = await child.post("/method", { method: "mobile3" });
  expect(form.html).toContain('id="f-name-wrap" data-locked');
  const done = await child.post("/methods/mobile3", { consent: "yes", phone });
  return { childId, done, phone };
}

async function signsIn(testKey: string, lr: Applicant, phone: string) {
  await forgetSends(phone);
  const letter = await lr.visit("/a");
  const sha = /name="letter_sha256" value="([0-9a-f]{64})"/.exec(letter.html)![1]!;
  const sent = await lr.submit("/a/sign", { action: "send_code", letter_sha256: sha });
  expect(sent.status).toBe(200);
  const code = await latestCode(testKey, phone);
  return { letter, sha, signed: await lr.submit("/a/sign", { action: "sign", code, letter_sha256: sha }) };
}

describe("legal_rep_authorization: the operator's invitation", () => {
  it("should offer the method to an agent, with the QR link, the SMS form and the invitation's expiry, and move the verification's expiry to 7 days", async () => {
    const { v, page, testKey } = await invited();
    const text = textOf(page.html);
    expect(text).toContain("方式一 扫码签署");
    expect(text).toContain("方式二 直接发送短信");
    expect(text).toContain("邀请有效期至");
    expect(page.html).toContain('data-status="not_sent"');
    expect(linkOf(page.html)).toMatch(/^\/a\/[0-9A-Z]{20}$/);
    // A reload shows the same link: a phone may be about to scan it.
    expect(linkOf((await new Applicant(v.id).open()).html) ?? linkOf(page.html)).toBeTruthy();
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api.authorization).toMatchObject({ status: "not_sent", signed_at: null, letter_sha256: null });
    expect(Date.parse(api.expires_at) - Date.now()).toBeGreaterThan(INVITATION_LIFETIME_MS - 60_000);
    expect(api.expires_at).toBe(api.authorization.expires_at);
  });

  it("should send the link by SMS (visible in the sandbox), say so, refuse a bad number next to the field, and hold a second send for the cooldown", async () => {
    const { operator, testKey, v, page } = await invited();
    const bad = await operator.post("/invitation/sms", { legal_rep_phone: "1380013" });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('id="f-legal_rep_phone-error"');
    expect(bad.html).toMatch(/<input[^>]*id="f-legal_rep_phone"[^>]*value="1380013"/);
    const phone = uniquePhone();
    const sent = await operator.post("/invitation/sms", { legal_rep_phone: phone });
    expect(textOf(sent.html)).toContain(`签署链接已发送至 ${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(sent.html).toContain("data-countdown");
    const sms = (await call(`/v1/test_helpers/sms?phone=${phone}`, { key: testKey })).json.data[0].text as string;
    expect(sms).toContain(`${BASE}${linkOf(page.html)}`);
    expect(sms).toContain("宁波测试科技有限公司");
    const again = await operator.post("/invitation/sms", { legal_rep_phone: phone });
    expect(again.status).toBe(422);
    expect(textOf(again.html)).toContain("刚刚发送过签署链接");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.authorization.status).toBe("sent");
  });

  it("should void the old link when a new one is made, and give a used or replaced link its own page", async () => {
    const { operator, page } = await invited();
    const old = linkOf(page.html)!;
    const replaced = await operator.post("/invitation/replace", {});
    const fresh = linkOf(replaced.html)!;
    expect(fresh).not.toBe(old);
    const stale = await new Applicant("").visit(old);
    expect(stale.status).toBe(410);
    expect(stale.html).toContain('data-reason="replaced"');
    const { lr } = await opens(fresh);
    // The same browser tapping its link again goes on where it stands; another browser is told it is used.
    expect((await lr.visit(fresh)).location).toBe("/a");
    const other = await new Applicant("").visit(fresh);
    expect(other.status).toBe(410);
    expect(other.html).toContain('data-reason="used"');
    expect(textOf((await operator.open()).html)).toContain("法定代表人已打开链接");
  });
});

describe("legal_rep_authorization: the legal representative", () => {
  it("should say who asks and for what, check the typed ID number with the registry (4-element), verify as a person, sign, and verify the organization", async () => {
    const { testKey, v, operator, operatorPhone, page } = await invited();
    const { lr, page: intro } = await opens(linkOf(page.html)!);
    const text = textOf(intro.html);
    expect(text).toContain("宁波产权交易所");
    expect(text).toContain("91330200MA2AAAAA0G");
    expect(text).toContain(`以手机号 ${operatorPhone.slice(0, 3)}****${operatorPhone.slice(-4)} 登录的用户`);
    expect(intro.html).toContain('id="f-id_number"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.authorization.status).toBe("opened");

    const wrong = await lr.submit("/a/start", { id_number: TEST_IDENTITIES[0].idNumber });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("还可以尝试 2 次");
    expect(wrong.html).toMatch(/<input[^>]*id="f-id_number"[^>]*value="110101199003071233"/);
    const started = await lr.submit("/a/start", { id_number: legalRep.idNumber });
    expect(started.location).toMatch(/^\/v\/ver_/);
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.authorization.status).toBe("verifying");
    expect(textOf((await operator.open()).html)).toContain("法定代表人正在核验本人身份");

    const { done, phone, childId } = await verifiesAsPerson(testKey, lr, started.location!);
    expect(done.html).toContain('data-status="verified"');
    expect(done.html).toContain('href="/a"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", authorization: { status: "signing" } });

    const { letter, signed } = await signsIn(testKey, lr, phone);
    expect(letter.html).toContain("data-letter");
    expect(textOf(letter.html)).toContain("完成在该平台的企业实名认证及相关业务办理");
    expect(textOf(letter.html)).toContain("4403************63");
    expect(letter.html).not.toContain(legalRep.idNumber);
    expect(signed.html).toContain('data-phone="invitation_signed"');
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api).toMatchObject({ status: "verified", method: "legal_rep_authorization", authorization: { status: "signed" }, operator: { role: "agent" } });
    // The legal representative is not the operator: the organization keeps no person of theirs as its operator.
    expect(api.operator.name).toBeNull();
    expect((await operator.open()).html).toContain('data-status="verified"');

    const pdf = await call(`/v1/verifications/${v.id}/authorization_letter`, { key: testKey });
    expect(pdf.status).toBe(200);
    const bytes = new Uint8Array(await (await fetchRaw(`/v1/verifications/${v.id}/authorization_letter`, testKey)).arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const sha = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(api.authorization.letter_sha256).toBe(sha);

    const log = await events(v.id);
    const verify = log.find((e) => e.type === "verification.verify");
    expect(verify?.data).toMatchObject({
      role: "legal_representative",
      authorization: { letter_pdf_sha256: sha, legal_rep_verification_id: childId, template_version: expect.stringMatching(/^authorization-letter\//) },
    });
    expect(log.map((e) => e.type)).toEqual(expect.arrayContaining(["authorization.invited", "authorization.opened", "child.created", "sms.sent", "sms.checked"]));
    expect(JSON.stringify(log)).not.toContain(legalRep.idNumber);
    // Partners heard each move of the authorization, then the verification's end, with no personal data.
    const hooks = await env.DB.prepare("select type, body from webhook_events where verification_id = ? order by created_at, rowid").bind(v.id).all<{ type: string; body: string }>();
    const told = hooks.results.map((h) => [h.type, (JSON.parse(h.body) as { data: { authorization?: { status: string } } }).data.authorization?.status]);
    expect(told).toEqual(
      expect.arrayContaining([
        ["verification.authorization_updated", "opened"],
        ["verification.authorization_updated", "verifying"],
        ["verification.authorization_updated", "signing"],
        ["verification.verified", "signed"],
      ]),
    );
    expect(hooks.results.map((h) => h.body).join()).not.toContain(legalRep.name);
    // Another partner's key finds no letter.
    const { testKey: otherKey } = await newPartner("另一家");
    expect((await call(`/v1/verifications/${v.id}/authorization_letter`, { key: otherKey })).status).toBe(404);
    // The evidence JWS carries the letter's hash.
    const jws = (await call(`/v1/verifications/${v.id}/evidence`, { key: testKey })).json.jws as string;
    expect(decodeProtectedHeader(jws).alg).toBeTruthy();
    expect(JSON.stringify(decodeJwt(jws))).toContain(sha);
  });

  it("should use the ID number the operator checked, asking none, and print the validity the partner asked for", async () => {
    const { testKey, v, page } = await invited({ idNumber: true, validityYears: 3 });
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.options.authorization_validity_years).toBe(3);
    const { lr, page: intro } = await opens(linkOf(page.html)!);
    expect(intro.html).not.toContain('id="f-id_number"');
    const started = await lr.submit("/a/start", {});
    expect(started.location).toMatch(/^\/v\/ver_/);
    const { done } = await verifiesAsPerson(testKey, lr, started.location!);
    expect(done.html).toContain('data-status="verified"');
    // Three years from today (Beijing), ending the day before.
    const today = new Date(Date.now() + 8 * 3_600_000);
    const end = new Date(Date.UTC(today.getUTCFullYear() + 3, today.getUTCMonth(), today.getUTCDate()) - 86_400_000);
    const day = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    expect(textOf((await lr.visit("/a")).html).replace(/\s+/g, "")).toContain(`授权有效期：3年，自${day(today)}起至${day(end)}止。`);
  });

  it("should refuse a signing code sent to another phone than the one verified with, and a wrong code next to the field", async () => {
    const { testKey, v, page } = await invited({ idNumber: true });
    const { lr } = await opens(linkOf(page.html)!);
    const started = await lr.submit("/a/start", {});
    const { phone } = await verifiesAsPerson(testKey, lr, started.location!);
    // Another browser of the legal representative (their session is not there): the phone is asked, and must be theirs.
    const letter = await lr.visit("/a");
    const sha = /name="letter_sha256" value="([0-9a-f]{64})"/.exec(letter.html)![1]!;
    const wrongCode = await lr.submit("/a/sign", { action: "sign", code: "000000", letter_sha256: sha });
    expect(wrongCode.status).toBe(422);
    expect(wrongCode.html).toContain('id="f-code-error"');
    const bare = new Applicant("", lr.ip);
    bare.cookies = new Map([...lr.cookies].filter(([k]) => k.includes("invitation")));
    const asks = await bare.visit("/a");
    expect(asks.html).toContain('id="f-sign_phone"');
    const other = await bare.submit("/a/sign", { action: "send_code", sign_phone: uniquePhone(), letter_sha256: sha });
    expect(other.status).toBe(422);
    expect(textOf(other.html)).toContain("这不是您核验身份时使用的手机号");
    await forgetSends(phone);
    const ok = await bare.submit("/a/sign", { action: "send_code", sign_phone: phone, letter_sha256: sha });
    expect(ok.status).toBe(200);
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.status).toBe("in_progress");
  });

  it("should decline with a reason: the method ends, not the verification, and the operator may ask again", async () => {
    const { testKey, v, operator, page } = await invited();
    const { lr } = await opens(linkOf(page.html)!);
    const declined = await lr.submit("/a/decline", { reason: "不认识此经办人" });
    expect(declined.html).toContain('data-phone="invitation_declined"');
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api).toMatchObject({ status: "in_progress", authorization: { status: "declined" } });
    const shown = await operator.open();
    expect(textOf(shown.html)).toContain("不认识此经办人");
    expect(shown.html).toContain("data-ask-again");
    const again = await operator.post("/invitation/restart", {});
    expect(again.step).toBe("invitation");
    expect(again.html).toContain('data-status="not_sent"');
    expect((await lr.visit("/a")).status).toBe(401);
  });

  it("should decline after three ID numbers the registry does not match", async () => {
    const { testKey, v, page } = await invited();
    const { lr } = await opens(linkOf(page.html)!);
    for (let i = 0; i < 2; i++) expect((await lr.submit("/a/start", { id_number: TEST_IDENTITIES[0].idNumber })).status).toBe(422);
    const third = await lr.submit("/a/start", { id_number: TEST_IDENTITIES[0].idNumber });
    expect(third.html).toContain('data-phone="invitation_declined"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json.authorization.status).toBe("declined");
  });

  it("should count a legal representative who cannot verify against the organization, and offer to ask again", async () => {
    const { testKey, v, operator, page } = await invited({ idNumber: true });
    const { lr } = await opens(linkOf(page.html)!);
    const started = await lr.submit("/a/start", {});
    const child = new Applicant(started.location!.replace("/v/", ""), lr.ip);
    child.cookies = lr.cookies;
    const phone = uniquePhone();
    await child.signIn(testKey, phone);
    await child.post("/method", { method: "mobile3" });
    for (let i = 0; i < 3; i++) await child.post("/methods/mobile3", { consent: "yes", phone: `${phone.slice(0, 7)}0002` });
    expect((await child.open()).html).toContain('data-status="failed"');
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api).toMatchObject({ status: "in_progress", failed_attempts: 1, authorization: { status: "declined" } });
    expect((await lr.visit("/a")).html).toContain('data-phone="invitation_not_verified"');
    expect((await operator.open()).html).toContain('data-declined="not_verified"');
  });
});

describe("legal_rep_authorization: limits", () => {
  it("should expire the invitation after 7 days by its alarm, and say so to a link opened then", async () => {
    const { v, testKey, page } = await invited();
    const row = await env.DB.prepare("select authorization from verifications where id = ?").bind(v.id).first<{ authorization: string }>();
    const { invitationId } = JSON.parse(row!.authorization) as { invitationId: string };
    const stub = env.INVITATIONS.get(env.INVITATIONS.idFromName(invitationId));
    await env.DB.prepare("update verifications set expires_at = ?, authorization = json_set(authorization, '$.expiresAt', ?) where id = ?")
      .bind(Date.now() - 1, Date.now() - 1, v.id)
      .run();
    await runDurableObjectAlarm(stub);
    expect((await stub.get())?.status).toBe("expired");
    const late = await new Applicant("").visit(linkOf(page.html)!);
    expect(late.status).toBe(410);
    expect(late.html).toContain('data-reason="expired"');
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api).toMatchObject({ status: "expired", authorization: { status: "expired" } });
  });

  it("should serve the letter to its own partner only, and to nobody before it is signed", async () => {
    const { v, testKey } = await invited();
    const before = await call(`/v1/verifications/${v.id}/authorization_letter`, { key: testKey });
    expect(before.status).toBe(404);
    expect(before.json).toMatchObject({ code: "not_found" });
    const { testKey: otherKey } = await newPartner("另一家");
    const other = await call(`/v1/verifications/${v.id}/authorization_letter`, { key: otherKey });
    expect(other.status).toBe(404);
  });
});

async function fetchRaw(path: string, key: string) {
  const { exports } = await import("cloudflare:workers");
  return (exports as unknown as { default: Fetcher }).default.fetch(new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${key}` } }));
}

// An organization verification through the hosted pages, on the flow engine: sign in, the
// organization check with the (sandbox) business registry, who is acting, and legal_rep_personal,
// whose person verification is a child of this one done in the same session.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SANDBOX_ID_NUMBERS, SANDBOX_NAMES, SANDBOX_ORGANIZATIONS, TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { footprint, sameBrowser, steady } from "../steady";
import { Applicant, textOf, uniquePhone } from "../applicant";
import { linkIn, Phone, WEBM } from "../phone";
import { call, newPartner, newVerification } from "../helpers";

const legalRep = TEST_IDENTITIES[1];
const ORG = { org_name: "宁波测试科技有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: legalRep.name };

async function events(id: string) {
  const rows = await env.DB.prepare("select type, data from verification_events where verification_id = ? order by created_at, rowid").bind(id).all<{ type: string; data: string }>();
  return rows.results.map((r) => ({ type: r.type, data: JSON.parse(r.data) as Record<string, unknown> }));
}

async function startOrg(body: Record<string, unknown> = {}) {
  const { testKey } = await newPartner("宁波产权");
  const v = await newVerification(testKey, { type: "organization", methods: ["legal_rep_personal"], ...body });
  const a = new Applicant(v.id);
  const phone = uniquePhone();
  const signed = await a.signIn(testKey, phone);
  return { testKey, v, a, signed, phone };
}

const check = (a: Applicant, fields: Record<string, string>) => a.post("/organization/check", { consent: "yes", ...ORG, ...fields });

describe("organization verification: the organization check", () => {
  it("should open on the organization check after sign-in, with the partner's name in the field and editable", async () => {
    const { signed } = await startOrg({ organization: { name: "宁波测试科技有限公司" } });
    expect(signed.step).toBe("org_check");
    expect(textOf(signed.html)).toContain("组织信息核验");
    expect(signed.html).toMatch(/<input[^>]*id="f-org_name"[^>]*value="宁波测试科技有限公司"/);
    expect(signed.html).toContain('action="/v/');
    expect(signed.html).toMatch(/action="\/v\/ver_[0-9A-Za-z]+\/organization\/check"/);
  });

  it("should say next to each field what is wrong, keep what was typed, and check nothing without the consent", async () => {
    const { a, v } = await startOrg();
    const bad = await a.post("/organization/check", { org_name: "", credential_code: "91330200MA2AAAAA01", legal_rep_name: "王", legal_rep_id_number: "1234" });
    expect(bad.status).toBe(422);
    for (const field of ["org_name", "credential_code", "legal_rep_name", "legal_rep_id_number", "consent"]) expect(bad.html, field).toContain(`id="f-${field}-error"`);
    expect(bad.html).toMatch(/<input[^>]*id="f-credential_code"[^>]*value="91330200MA2AAAAA01"/);
    expect((await events(v.id)).filter((e) => e.type === "provider.call")).toHaveLength(0);
  });

  it("should answer each registry outcome in its own words, counting only wrong entries", async () => {
    const { a, v, testKey } = await startOrg();
    const mismatch = await check(a, { legal_rep_name: SANDBOX_NAMES.nameIdMismatch });
    expect(mismatch.status).toBe(422);
    expect(mismatch.html).toContain('data-reason="legal_rep_mismatch"');
    expect(textOf(mismatch.html)).toContain("法定代表人姓名与登记信息不一致");
    expect(textOf(mismatch.html)).toContain("还可核验 2 次");
    expect(mismatch.html).toMatch(/<input[^>]*id="f-org_name"[^>]*value="宁波测试科技有限公司"/);

    const down = await check(a, { legal_rep_name: SANDBOX_NAMES.unavailable });
    expect(down.html).toContain('data-reason="provider_unavailable"');
    const revoked = await check(a, { org_name: `宁波${SANDBOX_ORGANIZATIONS.revokedMark}测试有限公司` });
    expect(revoked.html).toContain('data-reason="org_revoked"');
    expect(textOf(revoked.html)).toContain("营业执照已被吊销");
    expect(textOf(revoked.html)).not.toContain("还可核验");
    const code = await check(a, { credential_code: SANDBOX_ORGANIZATIONS.nameMismatchCode });
    expect(code.html).toContain('data-reason="name_code_mismatch"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", failed_attempts: 2 });
    const third = await check(a, { org_name: SANDBOX_ORGANIZATIONS.notFoundName });
    expect(third.step).toBe("result");
    expect(third.html).toContain('data-status="failed"');
    expect(textOf(third.html)).toContain("核验失败次数已达 3 次");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "failed", failed_attempts: 3, failure_reason: "org_not_found" });
  });

  it("should end the verification for a deregistered organization, saying why", async () => {
    const { a, v, testKey } = await startOrg();
    const ended = await check(a, { org_name: `宁波${SANDBOX_ORGANIZATIONS.deregisteredMark}测试有限公司` });
    expect(ended.step).toBe("result");
    expect(textOf(ended.html)).toContain("该企业已注销");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "failed", failure_reason: "org_deregistered", failed_attempts: 0 });
  });

  it("should accept a 15-digit registration number, normalise brackets, and record the registry's answer and the consent", async () => {
    const { a, v } = await startOrg();
    const passed = await check(a, { org_name: "宁波测试(分公司)", credential_code: "110108000000016" });
    expect(passed.step).toBe("operator_role");
    expect(textOf(passed.html)).toContain("宁波测试（分公司）");
    const log = await events(v.id);
    expect(log.find((e) => e.type === "provider.call")?.data).toMatchObject({ capability: "business_registry", provider: "sandbox", outcome: "match", registry_status: "active", elements: 3 });
    expect(log.find((e) => e.type === "consent.recorded")?.data).toMatchObject({ kind: "method_processing", method: "org_check" });
    expect(JSON.stringify(log)).not.toContain(legalRep.name);
  });
});

describe("organization verification: who is acting and legal_rep_personal", () => {
  it("should offer the legal representative's methods, then verify the organization through a child person verification in the same session", async () => {
    const { a, v, testKey, phone } = await startOrg({ methods: ["legal_rep_personal", "legal_rep_quick"], redirect_url: "https://partner.example/back" });
    const role = await check(a, { legal_rep_id_number: legalRep.idNumber });
    expect(role.step).toBe("operator_role");
    // No method an agent may use is allowed here: the choice is shown, disabled, with why.
    expect(role.html).toMatch(/<input[^>]*id="f-role-agent"[^>]*disabled/);
    expect(textOf(role.html)).toContain("暂不可用");
    expect((await a.post("/organization/role", { role: "agent" })).status).toBe(422);

    const methods = await a.post("/organization/role", { role: "legal_representative" });
    expect(methods.step).toBe("choose_method");
    expect(methods.html).toContain('value="legal_rep_personal"');
    expect(methods.html).toContain('data-operator-role="legal_representative"');
    const waiting = await a.post("/method", { method: "legal_rep_personal" });
    expect(waiting.step).toBe("awaiting_child");
    const childId = /href="\/v\/(ver_[0-9A-Za-z]{24})"/.exec(waiting.html)![1]!;

    // The child opens in the same browser without a second sign-in; name and ID number are the checked ones, fixed.
    const child = sameBrowser(a, childId);
    const choose = await child.open();
    expect(choose.step).toBe("choose_method");
    const form = await child.post("/method", { method: "mobile3" });
    expect(form.step).toBe("method_form");
    expect(form.html).toContain('id="f-name-wrap" data-locked');
    expect(form.html).toContain('id="f-id_number-wrap" data-locked');
    expect(form.html).not.toContain('name="name"');
    // A typed name is ignored: the legal representative's stands.
    const done = await child.post("/methods/mobile3", { consent: "yes", name: "张三", id_number: TEST_IDENTITIES[0].idNumber });
    // The sign-in phone stands for the method's own phone: no second code.
    expect(done.step).toBe("result");
    expect(done.html).toContain('data-status="verified"');
    expect(done.html).toContain(`href="/v/${v.id}"`);
    expect(textOf(done.html)).toContain("继续企业认证");
    expect(textOf(done.html)).toContain("*四");

    const parent = await a.open();
    expect(parent.step).toBe("result");
    expect(parent.html).toContain('data-status="verified"');
    expect(textOf(parent.html)).toContain("宁波测试科技有限公司");
    expect(textOf(parent.html)).toContain("法定代表人认证");
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api).toMatchObject({ status: "verified", method: "legal_rep_personal", type: "organization" });
    const sent = (await call(`/v1/test_helpers/sms?phone=${phone}`, { key: testKey })).json.data;
    expect(sent).toHaveLength(1);
  });
});

async function atChild(body: Record<string, unknown> = {}) {
  const started = await startOrg(body);
  await check(started.a, {});
  await started.a.post("/organization/role", { role: "legal_representative" });
  const waiting = await started.a.post("/method", { method: "legal_rep_personal" });
  const childId = /href="\/v\/(ver_[0-9A-Za-z]{24})"/.exec(waiting.html)![1]!;
  const child = sameBrowser(started.a, childId);
  return { ...started, waiting, childId, child };
}

describe("organization verification: reloads, the way back, and the child's end", () => {
  it("should stay put on a reload and in a second tab at each step, and let the operator go back to correct the organization", async () => {
    const { a, v } = await startOrg();
    await steady(a, v.id, "org_check");
    await check(a, {});
    await steady(a, v.id, "operator_role");
    await a.post("/organization/role", { role: "legal_representative" });
    await steady(a, v.id, "choose_method");
    const waiting = await a.post("/method", { method: "legal_rep_personal" });
    expect(waiting.step).toBe("awaiting_child");
    await steady(a, v.id, "awaiting_child");
    // Another person acts after all: back to the role, then to the organization check, from the method.
    expect((await a.post("/organization/back", { to: "operator_role" })).step).toBe("operator_role");
    const org = await a.post("/organization/back", { to: "org_check" });
    expect(org.step).toBe("org_check");
    expect(org.html).toMatch(/<input[^>]*id="f-org_name"[^>]*value="宁波测试科技有限公司"/);
    // A stale post for a step behind it moves nothing.
    const before = await footprint(v.id);
    expect((await a.post("/organization/role", { role: "legal_representative" })).step).toBe("org_check");
    expect(await footprint(v.id)).toEqual(before);
  });

  it("should count a child that used up its tries as one of the organization's, and offer a new one", async () => {
    const { a, v, testKey, child, childId } = await atChild();
    await child.post("/method", { method: "mobile3" });
    let last = await child.post("/methods/mobile3", { consent: "yes", id_number: legalRep.idNumber, phone: "13800130002" });
    for (let i = 0; i < 2; i++) last = await child.post("/methods/mobile3", { consent: "yes", id_number: legalRep.idNumber, phone: "13800130002" });
    expect(last.html).toContain('data-status="failed"');
    expect(last.html).toContain(`href="/v/${v.id}"`);
    const parent = await a.open();
    expect(parent.step).toBe("awaiting_child");
    expect(parent.html).toContain('data-child-status="failed"');
    expect(textOf(parent.html)).toContain("还可核验 2 次");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", failed_attempts: 1 });
    const again = await a.post("/child/restart", {});
    expect(again.step).toBe("awaiting_child");
    const next = /href="\/v\/(ver_[0-9A-Za-z]{24})"/.exec(again.html)![1];
    expect(next).not.toBe(childId);
    // A restart while a child is open moves nothing.
    expect((await a.post("/child/restart", {})).html).toContain(`href="/v/${next}"`);
  });

  it("should keep the child to its partner, and its name to the checked legal representative's", async () => {
    const { testKey, childId, child } = await atChild();
    const other = await newPartner("Other");
    expect((await call(`/v1/verifications/${childId}`, { key: other.testKey })).status).toBe(404);
    expect((await call(`/v1/verifications/${childId}`, { key: testKey })).json).toMatchObject({ type: "person", person: { name: "*四" } });
    // Somebody else's browser, without the parent's session, meets the sign-in, not the child's steps.
    expect((await new Applicant(childId).open()).step).toBe("authorize");
    expect((await child.open()).step).toBe("choose_method");
  });
});

describe("organization verification through the API", () => {
  it("should run the corporate transfers: a verification of those alone is made, and offers both with the seed's one line each", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications", { key: testKey, body: { type: "organization", methods: ["transfer_forward", "transfer_reverse"] } });
    expect(res.status).toBe(201);
    const a = new Applicant(res.json.id);
    await a.signIn(testKey, uniquePhone());
    await a.post("/organization/check", { consent: "yes", ...ORG });
    const methods = await a.post("/organization/role", { role: "agent" });
    expect(methods.step).toBe("choose_method");
    const text = textOf(methods.html);
    expect(text.indexOf("正向打款")).toBeLessThan(text.indexOf("反向打款"));
    expect(text).toContain("1 元以下的随机金额");
    expect(text).toContain("支付 0.01 元（不退还）");
    expect(methods.html).toMatch(/value="transfer_forward"[^>]*autofocus/);
  });

  it("should take the legal representative's ID number as a prefill, run the 4-element check with it, and report the organization and who acted", async () => {
    const { a, v, testKey, phone } = await startOrg({
      organization: { name: "宁波测试科技有限公司", credential_code: ORG.credential_code, legal_rep_name: legalRep.name, legal_rep_id_number: legalRep.idNumber },
    });
    const created = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(created.organization).toEqual({ name: "宁波测试科技有限公司", credential_code: ORG.credential_code, legal_rep_name: "*四", registry_status: null });
    expect(created.operator).toBeNull();
    const form = await a.open();
    expect(textOf(form.html)).toContain("4403************63");
    const role = await a.post("/organization/check", { consent: "yes", org_name: "宁波测试科技有限公司", credential_code: ORG.credential_code });
    expect(role.step).toBe("operator_role");
    const log = await events(v.id);
    expect(log.find((e) => e.type === "provider.call")?.data).toMatchObject({ elements: 4 });
    await a.post("/organization/role", { role: "legal_representative" });
    const waiting = await a.post("/method", { method: "legal_rep_personal" });
    const child = sameBrowser(a, /href="\/v\/(ver_[0-9A-Za-z]{24})"/.exec(waiting.html)![1]!);
    await child.post("/method", { method: "mobile3" });
    await child.post("/methods/mobile3", { consent: "yes", phone });
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api).toMatchObject({
      status: "verified",
      method: "legal_rep_personal",
      organization: { registry_status: "active", legal_rep_name: "*四" },
      operator: { role: "legal_representative", name: "*四", id_number: "4403************63" },
    });
    // The token says what was verified, by which method, the registry's answer and who acted (a role).
    const claims = JSON.parse(atob(api.result_token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    expect(claims).toMatchObject({
      type: "organization",
      method: "legal_rep_personal",
      organization: { credential_code: ORG.credential_code, registry_status: "active", operator_role: "legal_representative" },
    });
    expect(claims.identity_hash).toMatch(/^[0-9a-f]{64}$/);
    const evidenceOf = async (id: string) => atob((await call(`/v1/verifications/${id}/evidence`, { key: testKey })).json.jws.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"));
    // Each names the other: the child its parent and role, the parent its child (child.created).
    expect(await evidenceOf(child.verificationId)).toContain(`"parent":{"id":"${v.id}","role":"legal_representative"}`);
    expect(await evidenceOf(v.id)).toContain(`"child_id":"${child.verificationId}"`);
    const row = await env.DB.prepare("select org_legal_rep_name_enc, org_legal_rep_id_number_enc from verifications where id = ?").bind(v.id).first();
    expect(row).toEqual({ org_legal_rep_name_enc: null, org_legal_rep_id_number_enc: null });
  });
});

/** legal_rep_quick chosen: the desktop at the QR code of the legal representative's own (embedded) face verification. */
async function atQuick(orgFields: Record<string, string> = {}) {
  const started = await startOrg({ methods: ["legal_rep_quick"] });
  await check(started.a, orgFields);
  await started.a.post("/organization/role", { role: "legal_representative" });
  const qr = await started.a.post("/method", { method: "legal_rep_quick" });
  return { ...started, qr };
}

describe("organization verification: legal_rep_quick", () => {
  it("should show the QR code at once, ask the phone for the ID number and check it, then verify the organization by the face on the phone", async () => {
    const { a, v, testKey, qr } = await atQuick();
    expect(qr.step).toBe("continue_on_phone");
    expect(textOf(qr.html)).toContain("请法定代表人用手机扫描二维码");
    expect(textOf(qr.html)).toContain("法定代表人刷脸");
    expect(qr.html).toContain(`data-reload="/v/${v.id}"`);
    await steady(a, v.id, "continue_on_phone");

    const phone = new Phone();
    expect((await phone.get(linkIn(qr.html)!)).status).toBe(303);
    const form = await phone.get("/p");
    expect(form.html).toContain('data-phone="method_form"');
    expect(form.html).toContain('id="f-name-wrap" data-locked');
    expect(form.html).toContain('name="id_number"');
    expect(textOf(form.html)).toContain("*四");

    // A wrong ID number: the identity registry says so, one try used, on the phone and the desktop.
    const wrong = new FormData();
    wrong.set("consent", "yes");
    wrong.set("id_number", SANDBOX_ID_NUMBERS.notFound);
    const refused = await phone.post("/p/form", wrong);
    expect(refused.status, textOf(refused.text).slice(0, 600)).toBe(422);
    expect(refused.text).toContain('data-reason="id_not_found"');
    expect(textOf(refused.text)).toContain("还可核验 2 次");
    const desk = await a.open();
    expect(desk.html).toContain('data-failures="1"');
    expect(textOf(desk.html)).toContain("身份信息库中查询不到该身份证号");

    const right = new FormData();
    right.set("consent", "yes");
    right.set("id_number", legalRep.idNumber);
    expect((await phone.post("/p/form", right)).location).toBe("/p");
    expect((await phone.get("/p")).html).toContain('data-phone="consent"');
    await phone.post("/p/consent");
    expect((await phone.get("/p")).html).toContain('data-phone="capture"');
    expect((await phone.uploadClip(WEBM)).json).toMatchObject({ ok: true, state: "verified" });

    const done = await a.open();
    expect(done.step).toBe("result");
    expect(done.html).toContain('data-status="verified"');
    const api = (await call(`/v1/verifications/${v.id}`, { key: testKey })).json;
    expect(api).toMatchObject({ status: "verified", method: "legal_rep_quick", failed_attempts: 0, operator: { role: "legal_representative", name: "*四", id_number: "4403************63" } });
  });

  it("should ask nothing but the consent on the phone when the 4-element check had the ID number", async () => {
    const { qr } = await atQuick({ legal_rep_id_number: legalRep.idNumber });
    const phone = new Phone();
    await phone.get(linkIn(qr.html)!);
    const form = await phone.get("/p");
    expect(form.html).toContain('id="f-id_number-wrap" data-locked');
    expect(form.html).not.toContain('name="id_number"');
    const unticked = await phone.post("/p/form", new FormData());
    expect(unticked.status).toBe(422);
    expect(unticked.text).toContain('id="f-consent-error"');
    const ticked = new FormData();
    ticked.set("consent", "yes");
    expect((await phone.post("/p/form", ticked)).location).toBe("/p");
    expect((await phone.get("/p")).html).toContain('data-phone="consent"');
  });
});

describe("organization verification: legal_rep_quick through Alipay face", () => {
  it("should take the phone's form first in Alipay's channel too, then register the check for the legal representative", async () => {
    const { a, v, testKey, qr } = await atQuick({ legal_rep_id_number: legalRep.idNumber });
    // The QR code shown is the child's (the forms on it post to the child), in the operator's session.
    const child = sameBrowser(a, /data-vid="(ver_[0-9A-Za-z]{24})"/.exec(qr.html)![1]!);
    await child.post("/handoff/refresh", { channel: "alipay_face" });
    // The child's own page leads to the organization's, which shows it in its place.
    expect(await child.open()).toMatchObject({ status: 303, location: `/v/${v.id}` });
    const switched = await a.open();
    expect(switched.html).toContain('data-channel="alipay_face"');
    expect(switched.html).toContain(`data-reload="/v/${v.id}"`);
    const phone = new Phone();
    await phone.get(linkIn(switched.html)!);
    const form = await phone.get("/p");
    expect(form.html).toContain('data-phone="method_form"');
    expect(form.html).toContain('action="/p/alipay/form"');
    const ticked = new FormData();
    ticked.set("consent", "yes");
    expect((await phone.post("/p/alipay/form", ticked)).location).toBe("/p");
    expect((await phone.get("/p")).html).toContain('action="/p/alipay/start"');
    const started = await phone.post("/p/alipay/start");
    const certify = new URL(started.location!);
    const app = await phone.get(certify.pathname + certify.search);
    const back = /<a class="button wide" href="([^"]+)" data-alipay-return/.exec(app.html)![1]!.replace(/&amp;/g, "&");
    await phone.get(back);
    expect((await a.open()).html).toContain('data-status="verified"');
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "verified", method: "legal_rep_quick" });
  });
});

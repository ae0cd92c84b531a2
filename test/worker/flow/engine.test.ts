// The engine's contract, walked end to end in workerd with a method that exists only here: sign
// in, its two steps, verified, the webhook event, a reload and a second tab at each step, a GET
// that writes nothing; and a parent that completes when its child person verification does.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dataCipher } from "../../../src/crypto/data-key";
import { createVerification } from "../../../src/verifications/create";
import { footprint, sameBrowser, steady } from "../steady";
import { Applicant, latestCode, textOf, uniquePhone } from "../applicant";
import { call, newPartner } from "../helpers";
import { RecordingQueue, writeContext } from "../webhooks/harness";
import { FAKE_METHOD, FAKE_REFUSED_NAME } from "./fake-method";
import { FAKE_PARENT } from "./fake-parent";
import "./register";

async function fakeVerification(methods: string[], type: "person" | "organization" = "person") {
  const partner = await newPartner();
  const cipher = await dataCipher(env.DATA_KEY!);
  const row = await createVerification(writeContext(new RecordingQueue()), cipher, { partnerId: partner.id, livemode: false }, { type, methods, locale: "zh-CN" }, Date.now());
  return { testKey: partner.testKey, partnerId: partner.id, id: row.id };
}

/** `signedIn`: the page as the browser already signed in meets it (a child in its parent's session). */
async function walkFakeMethod(a: Applicant, key: string, id: string, signedIn = false) {
  const phone = uniquePhone();
  const signed = signedIn ? await a.open() : await a.signIn(key);
  expect(signed.step).toBe("method_form");
  expect(signed.html).toContain('name="phone"');
  expect(signed.html).not.toContain('name="id_number"');
  await steady(a, id, "method_form");

  const refused = await a.post(`/methods/${FAKE_METHOD}`, { consent: "yes", name: FAKE_REFUSED_NAME, phone });
  expect(refused.status).toBe(422);
  expect(refused.html).toContain('data-reason="fake_mismatch"');
  expect(textOf(refused.html)).toContain("测试核验未通过");
  expect(textOf(refused.html)).toContain("还可核验 2 次");

  const code = await a.post(`/methods/${FAKE_METHOD}`, { consent: "yes", name: "张三", phone });
  expect(code.step).toBe("code");
  await steady(a, id, "code");
  const text = (await call(`/v1/test_helpers/sms?phone=${phone}`, { key })).json.data[0].text as string;
  expect(text).toContain("用于测试认证");
  const done = await a.post(`/methods/${FAKE_METHOD}/code`, { action: "confirm", code: await latestCode(key, phone) });
  expect(done.step).toBe("result");
  expect(done.html).toContain('data-status="verified"');
}

describe("the flow engine with a method of the tests' own", () => {
  it("should walk sign-in, the form and the SMS code to verified, with its webhook event", async () => {
    const v = await fakeVerification([FAKE_METHOD]);
    const a = new Applicant(v.id);
    await walkFakeMethod(a, v.testKey, v.id);
    const api = await call(`/v1/verifications/${v.id}`, { key: v.testKey });
    expect(api.json).toMatchObject({ status: "verified", method: FAKE_METHOD, failed_attempts: 1, person: { name: "*三" } });
    const types = (await env.DB.prepare("select type from verification_events where verification_id = ? order by created_at, rowid").bind(v.id).all<{ type: string }>()).results.map((e) => e.type);
    expect(types).toEqual([
      "verification.created",
      "sms.sent",
      "sms.checked",
      "applicant.authorized",
      "consent.recorded",
      "verification.start",
      "provider.call",
      "verification.attempt_failed",
      "consent.recorded",
      "provider.call",
      "sms.sent",
      "method.checks_passed",
      "sms.checked",
      "verification.verify",
    ]);
    const outbox = await env.DB.prepare("select type from webhook_events where verification_id = ? order by created_at").bind(v.id).all<{ type: string }>();
    expect(outbox.results.map((e) => e.type)).toEqual(["verification.created", "verification.verified"]);
    expect(await footprint(v.id)).toMatchObject({ state: JSON.stringify({ kind: "verified", method: FAKE_METHOD }) });
  });

  it("should refuse a stray post for another step, moving nothing and writing no event", async () => {
    const v = await fakeVerification([FAKE_METHOD, "mobile3"]);
    const a = new Applicant(v.id);
    await a.signIn(v.testKey);
    await a.post("/method", { method: FAKE_METHOD });
    await a.post(`/methods/${FAKE_METHOD}`, { consent: "yes", name: "张三", phone: uniquePhone() });
    const before = await footprint(v.id);
    for (const choice of ["", "NEW", "new", "share"]) expect((await a.post("/reuse", { choice })).step).toBe("code");
    expect((await a.post("/id-photos", {})).step).toBe("code");
    expect(await footprint(v.id)).toEqual(before);
  });
});

/** An organization's own steps: its check (sandbox registry), then acting as its legal representative. */
async function passPreamble(operator: Applicant) {
  const role = await operator.post("/organization/check", { consent: "yes", org_name: "测试父认证有限公司", credential_code: "91330200MA2AAAAA0G", legal_rep_name: "李四" });
  expect(role.step).toBe("operator_role");
  const methods = await operator.post("/organization/role", { role: "legal_representative" });
  expect(methods.step).toBe("choose_method");
}

describe("a parent verification made of a child person verification", () => {
  it("should complete the parent when its child is verified, through the same transition", async () => {
    const parent = await fakeVerification([FAKE_PARENT], "organization");
    const operator = new Applicant(parent.id);
    const signed = await operator.signIn(parent.testKey);
    expect(signed.step).toBe("org_check");
    await passPreamble(operator);
    const waiting = await operator.post("/method", { method: FAKE_PARENT });
    expect(waiting.step).toBe("awaiting_child");
    await steady(operator, parent.id, "awaiting_child");
    const childId = /href="\/v\/(ver_[0-9A-Za-z]{24})"/.exec(waiting.html)?.[1];
    expect(childId).toBeDefined();
    const child = await env.DB.prepare("select parent_id, parent_role, partner_id, livemode, type from verifications where id = ?").bind(childId).first();
    expect(child).toEqual({ parent_id: parent.id, parent_role: "legal_representative", partner_id: parent.partnerId, livemode: 0, type: "person" });

    // The child is done in the parent's session: no second sign-in.
    const inParentSession = sameBrowser(operator, childId!);
    await walkFakeMethod(inParentSession, parent.testKey, childId!, true);
    const api = await call(`/v1/verifications/${parent.id}`, { key: parent.testKey });
    expect(api.json).toMatchObject({ status: "verified", method: FAKE_PARENT });
    expect((await operator.open()).html).toContain('data-status="verified"');
    const ended = await env.DB.prepare("select data from verification_events where verification_id = ? and type = 'verification.child_ended'").bind(parent.id).first<{ data: string }>();
    expect(JSON.parse(ended!.data)).toMatchObject({ outcome: "verified", child_id: childId, role: "legal_representative" });
  });

  it("should keep another partner out of the child verification", async () => {
    const parent = await fakeVerification([FAKE_PARENT], "organization");
    const operator = new Applicant(parent.id);
    await operator.signIn(parent.testKey);
    await passPreamble(operator);
    const waiting = await operator.post("/method", { method: FAKE_PARENT });
    const childId = /href="\/v\/(ver_[0-9A-Za-z]{24})"/.exec(waiting.html)![1];
    const other = await newPartner("Other");
    expect((await call(`/v1/verifications/${childId}`, { key: other.testKey })).status).toBe(404);
    expect((await call(`/v1/verifications/${childId}`, { key: parent.testKey })).json).toMatchObject({ status: "pending", type: "person" });
  });
});

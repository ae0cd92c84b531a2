import { LEGAL_VERSION } from "../../../src/flow/consent";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SANDBOX_ID_NUMBERS, TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, forgetSends, latestCode, textOf, uniquePhone } from "../applicant";
import { call, newPartner, newVerification } from "../helpers";

const me = TEST_IDENTITIES[2];

/** A first verification, completed with mobile3 by the account of `phone`, for reuse to find. */
async function verifiedOnce(testKey: string, phone: string) {
  const first = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
  const a = new Applicant(first.id);
  await a.signIn(testKey, phone);
  const methodPhone = uniquePhone();
  await a.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: methodPhone });
  await a.post("/methods/mobile3/code", { action: "confirm", code: await latestCode(testKey, methodPhone) });
  return first;
}

describe("face, first step", () => {
  it("should check name and ID number, then stop at 'continue on your phone'", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["face"] });
    const a = new Applicant(v.id);
    const form = await a.signIn(testKey);
    expect(form.html).toContain('name="name"');
    expect(form.html).not.toContain('name="phone"');
    const page = await a.post("/methods/face", { consent: "yes", name: me.name, id_number: me.idNumber });
    expect(page.step).toBe("continue_on_phone");
    expect(textOf(page.html)).toContain("请用手机继续");
    expect((await a.open()).step).toBe("continue_on_phone");
    expect((await call(`/v1/verifications/${v.id}`, { key: testKey })).json).toMatchObject({ status: "in_progress", method: "face" });
  });

  it.each([
    ["id_not_found", SANDBOX_ID_NUMBERS.notFound, "查询不到该身份证号"],
    ["id_expired", SANDBOX_ID_NUMBERS.expired, "该身份证已过有效期"],
  ])("should explain %s", async (reason, idNumber, sentence) => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["face"] });
    const a = new Applicant(v.id);
    await a.signIn(testKey);
    const page = await a.post("/methods/face", { consent: "yes", name: me.name, id_number: idNumber });
    expect(page.html).toContain(`data-reason="${reason}"`);
    expect(textOf(page.html)).toContain(sentence);
  });
});

describe("app authorization", () => {
  it("should require the code and the consent, each next to its field", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const a = new Applicant(v.id);
    const page = await a.post("/authorize", { action: "authorize", phone: "138", code: "" });
    expect(page.status).toBe(422);
    expect(page.html).toContain("f-phone-error");
    expect(page.html).toContain("f-code-error");
    expect(page.html).toContain("f-consent-error");
    expect(page.html).toContain('value="138"');
    expect((await a.open()).step).toBe("authorize");
  });

  it("should record consent with the text version, time, IP (encrypted) and user agent", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const a = new Applicant(v.id, "192.0.2.44");
    await a.signIn(testKey);
    const consent = await env.DB.prepare("select * from consents where verification_id = ?").bind(v.id).first<Record<string, string>>();
    expect(consent).toMatchObject({ kind: "app_authorization", text_version: LEGAL_VERSION, text_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(consent!.ip_enc).toMatch(/^v1\./);
    expect(consent!.ip_enc).not.toContain("192.0.2.44");
    expect(consent!.ip_masked).toBe("192.0.2.0/24");
  });

  it("should keep only the consent IP's network once the verification ends, and show only that in the evidence", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const a = new Applicant(v.id, "192.0.2.45");
    await a.signIn(testKey);
    const open = await env.DB.prepare("select ip_enc from consents where verification_id = ?").bind(v.id).first<{ ip_enc: string | null }>();
    expect(open!.ip_enc).toMatch(/^v1\./);
    expect((await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST" })).status).toBe(200);
    const ended = await env.DB.prepare("select ip_enc, ip_masked from consents where verification_id = ?").bind(v.id).first<{ ip_enc: string | null; ip_masked: string }>();
    expect(ended).toEqual({ ip_enc: null, ip_masked: "192.0.2.0/24" });
    const evidence = await call(`/v1/verifications/${v.id}/evidence`, { key: testKey });
    const claims = JSON.parse(atob(evidence.json.jws.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    expect(claims.consents[0].ip).toBe("192.0.2.0/24");
    expect(JSON.stringify(claims)).not.toContain("192.0.2.45");
  });

  it("should not let another browser continue without signing in", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    await new Applicant(v.id).signIn(testKey);
    const stranger = new Applicant(v.id);
    expect((await stranger.open()).step).toBe("authorize");
    const post = await stranger.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: me.phone });
    expect(post.step).toBe("authorize");
  });
});

describe("account reuse", () => {
  it("should offer an earlier verification of the same phone and complete by consent", async () => {
    const { testKey } = await newPartner();
    const first = await verifiedOnce(testKey, me.phone);

    const other = await newPartner("Other exchange");
    const second = await newVerification(other.testKey, { type: "person", methods: ["mobile3", "face"] });
    const b = new Applicant(second.id);
    const reuse = await b.signIn(other.testKey, me.phone);
    expect(reuse.step).toBe("reuse");
    expect(textOf(reuse.html)).toContain("3101************85");
    expect(reuse.html).not.toContain(me.idNumber);
    const done = await b.post("/reuse", { choice: "share" });
    expect(done.html).toContain('data-status="verified"');
    const api = await call(`/v1/verifications/${second.id}`, { key: other.testKey });
    expect(api.json).toMatchObject({ status: "verified", method: "mobile3", person: { id_number: "3101************85" } });
    const events = await env.DB.prepare("select data from verification_events where verification_id = ? and type = 'verification.verify'").bind(second.id).first<{ data: string }>();
    expect(JSON.parse(events!.data)).toMatchObject({ reused: true, reused_from: first.id });
    // The other partner's verification id and the applicant's account id stay in our log only.
    const evidence = await call(`/v1/verifications/${second.id}/evidence`, { key: other.testKey });
    const record = atob(evidence.json.jws.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"));
    expect(record).toContain('"reused":true');
    expect(record).not.toContain(first.id);
    expect(record).not.toMatch(/app_[0-9a-f]{24}/);
  });

  it("should offer the earlier verification in the sign-in's own htmx answer, read in the same batch as the write", async () => {
    const { testKey } = await newPartner();
    const phone = uniquePhone();
    const first = await verifiedOnce(testKey, phone);

    const second = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const b = new Applicant(second.id);
    await forgetSends(phone);
    await b.post("/authorize", { action: "send_code", phone });
    const fragment = await b.post("/authorize", { action: "authorize", phone, code: await latestCode(testKey, phone), consent: "yes" }, { htmx: true });
    expect(fragment.status).toBe(200);
    expect(fragment.step).toBe("reuse");
    const owners = await env.DB.prepare("select applicant_id from verifications where id in (?, ?)").bind(first.id, second.id).all<{ applicant_id: string }>();
    expect(new Set(owners.results.map((r) => r.applicant_id)).size).toBe(1);
    expect(owners.results[0]!.applicant_id).toMatch(/^app_[0-9a-f]{24}$/);
  });

  it("should let the applicant decline and verify again", async () => {
    const { testKey } = await newPartner();
    const first = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const a = new Applicant(first.id);
    await a.signIn(testKey, "13612345678");
    const methodPhone = uniquePhone();
    await a.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: methodPhone });
    await a.post("/methods/mobile3/code", { action: "confirm", code: await latestCode(testKey, methodPhone) });
    const second = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const b = new Applicant(second.id);
    expect((await b.signIn(testKey, "13612345678")).step).toBe("reuse");
    expect((await b.post("/reuse", { choice: "new" })).step).toBe("method_form");
  });
});

describe("choose a method", () => {
  it("should offer only the partner's methods, each with what it needs", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["bankcard4", "face"], locale: "en" });
    const a = new Applicant(v.id);
    const page = await a.signIn(testKey);
    expect(page.step).toBe("choose_method");
    const text = textOf(page.html);
    expect(text).toContain("Bank card");
    expect(text).toContain("the phone number the bank holds for the card");
    expect(text).toContain("Face recognition");
    expect(text).not.toContain("Mobile number Your name");
    const chosen = await a.post("/method", { method: "face" });
    expect(chosen.step).toBe("method_form");
    expect(textOf(chosen.html)).toContain("Face recognition");
  });
});

describe("consent records", () => {
  it("should be append-only", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    await new Applicant(v.id).signIn(testKey);
    await expect(env.DB.prepare("update consents set kind = 'x' where verification_id = ?").bind(v.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("delete from consents where verification_id = ?").bind(v.id).run()).rejects.toThrow(/append-only/);
    // The one change allowed is purging the full IP; not replacing it, nor touching its network.
    await expect(env.DB.prepare("update consents set ip_enc = 'v1.other' where verification_id = ?").bind(v.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("update consents set ip_masked = '0.0.0.0/24' where verification_id = ?").bind(v.id).run()).rejects.toThrow(/append-only/);
    await env.DB.prepare("update consents set ip_enc = null where verification_id = ?").bind(v.id).run();
  });
});

describe("one applicant per verification", () => {
  it("should refuse a second phone signing in to a verification another applicant holds, and keep their data from it", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const owner = new Applicant(v.id);
    await owner.signIn(testKey);
    await owner.post("/methods/mobile3", { consent: "yes", name: me.name, id_number: me.idNumber, phone: uniquePhone() });
    const intruder = new Applicant(v.id);
    const page = await intruder.signIn(testKey);
    expect(page.status).toBe(422);
    expect(textOf(page.html)).toContain("这次认证已由另一个手机号登录");
    const edit = await intruder.open("?edit=1");
    expect(edit.step).toBe("authorize");
    expect(edit.html).not.toContain(me.idNumber);
    expect((await owner.open()).step).toBe("code");
  });
});

describe("reuse and the partner's options", () => {
  it("should not offer an earlier verification without the ID photos this partner requires", async () => {
    const { testKey } = await newPartner();
    const phone = uniquePhone();
    await verifiedOnce(testKey, phone);
    const strict = await newVerification(testKey, { type: "person", methods: ["mobile3", "bankcard4"], options: { collect_id_images: true } });
    const b = new Applicant(strict.id);
    expect((await b.signIn(testKey, phone)).step).toBe("choose_method");
    expect((await b.post("/reuse", { choice: "share" })).step).toBe("choose_method");
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, newKey, newPartner, newVerification } from "../helpers";

const ID = "11010519491231002X";

describe("POST /v1/verifications", () => {
  it("should create a pending person verification with masked prefills and a hosted url", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications", {
      key: testKey,
      body: {
        type: "person",
        methods: ["mobile3", "face"],
        reference: "order-42",
        locale: "en",
        redirect_url: "https://partner.example/done",
        person: { name: "张三丰", id_number: ID.toLowerCase(), phone: "+86 138 0013 8000" },
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      object: "verification",
      type: "person",
      status: "pending",
      methods: ["mobile3", "face"],
      method: null,
      reference: "order-42",
      livemode: false,
      locale: "en",
      person: { name: "**丰", id_number: "1101************2X", phone: "138****8000" },
      organization: null,
    });
    expect(res.json.id).toMatch(/^ver_[0-9A-Za-z]{24}$/);
    expect(res.json.url).toBe(`http://shiming.test/v/${res.json.id}`);
    expect(Date.parse(res.json.expires_at) - Date.parse(res.json.created_at)).toBe(24 * 3600 * 1000);
  });

  it("should store personal data only encrypted, hashed and masked", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", person: { name: "张三丰", id_number: ID, phone: "13800138000" } });
    const row = await env.DB.prepare("select * from verifications where id = ?").bind(v.id).first<Record<string, unknown>>();
    const dump = JSON.stringify(row);
    for (const secret of [ID, "13800138000", "张三丰"]) expect(dump).not.toContain(secret);
    expect(row!.person_id_number_enc).toMatch(/^v1\./);
    expect(row!.person_id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    const events = await env.DB.prepare("select * from verification_events where verification_id = ?").bind(v.id).all();
    expect(events.results).toHaveLength(1);
    expect(events.results[0]).toMatchObject({ type: "verification.created", actor: "partner", to_status: "pending" });
    expect(JSON.stringify(events.results)).not.toContain(ID);
  });

  it("should offer every method that suits the type when methods are omitted", async () => {
    const { testKey } = await newPartner();
    const person = await newVerification(testKey, { type: "person" });
    expect(person.methods).toEqual(["mobile3", "bankcard4", "face"]);
    const org = await newVerification(testKey, { type: "organization", organization: { name: "北京雪白棉花商贸有限公司", credential_code: "91350100M000100Y43", legal_rep_name: "黄超" } });
    expect(org.methods).toEqual(["legal_rep_quick", "legal_rep_personal", "legal_rep_authorization", "transfer_forward", "transfer_reverse"]);
    expect(org.organization).toEqual({ name: "北京雪白棉花商贸有限公司", credential_code: "91350100M000100Y43", legal_rep_name: "*超", registry_status: null });
    expect(org.operator).toBeNull();
  });

  it.each([
    ["person.id_number", { type: "person", person: { id_number: "110105194912310021" } }, "invalid_checksum"],
    ["person.id_number", { type: "person", person: { id_number: "99010519491231002X" } }, "unknown_province"],
    ["person.nickname", { type: "person", person: { nickname: "x" } }, "unknown_field"],
    ["person.id_number", { type: "person", person: { id_number: "110105194902300021" } }, "invalid_date"],
    ["organization.credential_code", { type: "organization", organization: { credential_code: "91350100M000100Y44" } }, "invalid_checksum"],
    ["organization.credential_code", { type: "organization", organization: { credential_code: "110108000000017" } }, "invalid_checksum"],
    ["person.phone", { type: "person", person: { phone: "12800138000" } }, "invalid_prefix"],
    ["person.name", { type: "person", person: { name: "张3" } }, "contains_digit"],
    ["reference", { type: "person", reference: "x".repeat(129) }, "too_long"],
    ["redirect_url", { type: "person", redirect_url: "http://partner.example/done" }, "insecure_url"],
    ["methods.0", { type: "person", methods: ["transfer_forward"] }, "method_not_for_type"],
    ["methods.0", { type: "person", methods: ["selfie"] }, "invalid_value"],
    ["type", { methods: ["face"] }, "required"],
    ["locale", { type: "person", locale: "fr" }, "invalid_value"],
  ])("should reject a bad %s with a problem naming the field", async (path, body, code) => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications", { key: testKey, body });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({ status: 400, code: "validation_error", title: expect.any(String), detail: expect.any(String) });
    expect(res.json.errors).toContainEqual({ path, code, message: expect.stringMatching(/\w/) });
  });

  it("should list one error per bad field", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications", { key: testKey, body: { type: "person", person: { id_number: "123", phone: "1", name: "A" } } });
    expect(res.json.errors.map((e: any) => e.path).sort()).toEqual(["person.id_number", "person.name", "person.phone"]);
  });

  it("should allow http redirect urls for localhost only", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", redirect_url: "http://localhost:3000/back" });
    expect(v.redirect_url).toBe("http://localhost:3000/back");
  });

  it("should answer invalid JSON with a problem", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications", { key: testKey, body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "invalid_json" });
  });

  it("should refuse live verifications whose providers are not configured", async () => {
    const { id } = await newPartner();
    const live = await newKey(id, "live");
    const res = await call("/v1/verifications", { key: live.key, body: { type: "person", methods: ["mobile3"] } });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: "provider_not_configured", missing_capabilities: expect.arrayContaining(["carrier", "sms"]) });
    const list = await call("/v1/verifications", { key: live.key });
    expect(list.json.data).toEqual([]);
  });

  it("should refuse a live organization verification while no business registry adapter is configured", async () => {
    const { id } = await newPartner();
    const live = await newKey(id, "live");
    const res = await call("/v1/verifications", { key: live.key, body: { type: "organization", methods: ["legal_rep_personal"] } });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: "provider_not_configured", missing_capabilities: expect.arrayContaining(["business_registry"]) });
    // Only what would be offered needs its providers: a payout is no reason when no transfer is.
    expect(res.json.missing_capabilities).not.toContain("payout");
    const transfer = await call("/v1/verifications", { key: live.key, body: { type: "organization", methods: ["transfer_forward"] } });
    expect(transfer.json.missing_capabilities).toEqual(expect.arrayContaining(["business_registry", "payout"]));
  });
});

describe("authentication and isolation", () => {
  it.each([
    ["missing", undefined],
    ["malformed", "not-a-key"],
    ["unknown", "sk_test_000000000000000000000000"],
    ["the admin token", "adm_test_token_for_vitest_only"],
  ])("should answer 401 to a %s key", async (_, key) => {
    const res = await call("/v1/verifications", { key });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: "unauthorized", status: 401 });
  });

  it("should answer 401 to a revoked key", async () => {
    const { id } = await newPartner();
    const k = await newKey(id, "test");
    expect((await call("/v1/verifications", { key: k.key })).status).toBe(200);
    const revoked = await call(`/admin/v1/partners/${id}/keys/${k.id}`, { method: "DELETE", key: "adm_test_token_for_vitest_only" });
    expect(revoked.json).toMatchObject({ id: k.id, revoked: true });
    expect((await call("/v1/verifications", { key: k.key })).status).toBe(401);
  });

  it("should hide another partner's verification as 404", async () => {
    const a = await newPartner("A");
    const b = await newPartner("B");
    const v = await newVerification(a.testKey);
    const res = await call(`/v1/verifications/${v.id}`, { key: b.testKey });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: "not_found" });
    expect((await call(`/v1/verifications/${v.id}/cancel`, { key: b.testKey, method: "POST" })).status).toBe(404);
    expect((await call("/v1/verifications", { key: b.testKey })).json.data).toEqual([]);
  });

  it("should hide test objects from a live key of the same partner", async () => {
    const p = await newPartner();
    const live = await newKey(p.id, "live");
    const v = await newVerification(p.testKey);
    expect((await call(`/v1/verifications/${v.id}`, { key: live.key })).status).toBe(404);
    expect((await call(`/v1/verifications/${v.id}`, { key: p.testKey })).status).toBe(200);
  });
});

describe("GET /v1/verifications", () => {
  it("should page newest first with starting_after and filter by reference and status", async () => {
    const { testKey } = await newPartner();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await newVerification(testKey, { type: "person", reference: i % 2 ? "odd" : "even" }));
    const page1 = await call("/v1/verifications?limit=2", { key: testKey });
    expect(page1.json.object).toBe("list");
    expect(page1.json.has_more).toBe(true);
    expect(page1.json.data.map((v: any) => v.id)).toEqual([made[4]!.id, made[3]!.id]);
    const page2 = await call(`/v1/verifications?limit=2&starting_after=${made[3]!.id}`, { key: testKey });
    expect(page2.json.data.map((v: any) => v.id)).toEqual([made[2]!.id, made[1]!.id]);
    const page3 = await call(`/v1/verifications?limit=2&starting_after=${made[1]!.id}`, { key: testKey });
    expect(page3.json).toMatchObject({ has_more: false, data: [{ id: made[0]!.id }] });
    const odd = await call("/v1/verifications?reference=odd", { key: testKey });
    expect(odd.json.data.map((v: any) => v.id)).toEqual([made[3]!.id, made[1]!.id]);
    await call(`/v1/verifications/${made[2]!.id}/cancel`, { key: testKey, method: "POST" });
    const canceled = await call("/v1/verifications?status=canceled", { key: testKey });
    expect(canceled.json.data.map((v: any) => v.id)).toEqual([made[2]!.id]);
  });

  it("should reject a bad limit and an unknown cursor", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications?limit=0", { key: testKey });
    expect(res.json.errors).toEqual([{ path: "limit", code: "too_small", message: expect.any(String) }]);
    const cursor = await call("/v1/verifications?starting_after=ver_000000000000000000000000", { key: testKey });
    expect(cursor.json.errors).toEqual([{ path: "starting_after", code: "not_found", message: expect.any(String) }]);
  });
});

describe("POST /v1/verifications/:id/cancel", () => {
  it("should cancel once, record the event and refuse a second cancel", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const first = await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST" });
    expect(first.json).toMatchObject({ status: "canceled", completed_at: expect.any(String) });
    const second = await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST" });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ code: "invalid_state", verification_status: "canceled" });
    const events = await env.DB.prepare("select type, from_status, to_status, actor from verification_events where verification_id = ? order by created_at, rowid").bind(v.id).all();
    expect(events.results.map((e) => e.type)).toEqual(["verification.created", "verification.cancel"]);
    expect(events.results[1]).toMatchObject({ from_status: "pending", to_status: "canceled", actor: "partner" });
  });

  it("should purge ciphertext once a verification ends, keeping masks and hashes", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey, { type: "person", person: { name: "张三丰", id_number: ID } });
    await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST" });
    const row = await env.DB.prepare("select * from verifications where id = ?").bind(v.id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ person_name_enc: null, person_id_number_enc: null, person_name_masked: "**丰", person_id_number_masked: "1101************2X" });
    expect(row!.person_id_number_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("expiry", () => {
  it("should show and persist an overdue verification as expired", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    await env.DB.prepare("update verifications set expires_at = ? where id = ?")
      .bind(Date.now() - 1000, v.id)
      .run();
    const res = await call(`/v1/verifications/${v.id}`, { key: testKey });
    expect(res.json.status).toBe("expired");
    const row = await env.DB.prepare("select status, version from verifications where id = ?").bind(v.id).first();
    expect(row).toEqual({ status: "expired", version: 2 });
    const cancel = await call(`/v1/verifications/${v.id}/cancel`, { key: testKey, method: "POST" });
    expect(cancel.json).toMatchObject({ code: "invalid_state", verification_status: "expired" });
  });
});

describe("the event log", () => {
  it("should refuse updates and deletes", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    await expect(env.DB.prepare("update verification_events set type = 'x' where verification_id = ?").bind(v.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("delete from verification_events where verification_id = ?").bind(v.id).run()).rejects.toThrow(/append-only/);
  });
});

describe("test helpers", () => {
  it("should not exist for live keys", async () => {
    const p = await newPartner();
    const live = await newKey(p.id, "live");
    const res = await call("/v1/test_helpers/sms?phone=13800138000", { key: live.key });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: "not_found" });
  });

  it("should validate the phone and show nothing of another partner's messages", async () => {
    const p = await newPartner();
    const bad = await call("/v1/test_helpers/sms?phone=123", { key: p.testKey });
    expect(bad.json.errors).toEqual([{ path: "phone", code: "invalid_length", message: expect.any(String) }]);
    const none = await call("/v1/test_helpers/sms?phone=13800138000", { key: p.testKey });
    expect(none.json).toEqual({ object: "list", data: [] });
  });
});

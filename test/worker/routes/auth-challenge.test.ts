// 401s from partner-key and operator auth: still problem+json, plus an RFC 6750 Bearer challenge
// that names the realm and says `invalid_token` only when a bearer token was sent.
import { describe, expect, it } from "vitest";
import { ADMIN, call, newKey, newPartner } from "../helpers";

const unauthorized = { type: "https://shiming.dev/problems/unauthorized", status: 401, code: "unauthorized", title: "Authentication required" };

describe("Bearer challenges on 401", () => {
  const cases = [
    { name: "no credentials on /v1", path: "/v1/verifications", auth: undefined, challenge: 'Bearer realm="api"' },
    { name: "another scheme on /v1", path: "/v1/verifications", auth: "Basic dXNlcjpwYXNz", challenge: 'Bearer realm="api"' },
    { name: "a malformed key on /v1", path: "/v1/verifications", auth: "Bearer not-a-key", challenge: 'Bearer realm="api", error="invalid_token"' },
    { name: "an unknown key on /v1", path: "/v1/verifications", auth: "Bearer sk_test_00000000000000000000000000000000", challenge: 'Bearer realm="api", error="invalid_token"' },
    { name: "no credentials on /admin/v1", path: "/admin/v1/partners", auth: undefined, challenge: 'Bearer realm="admin"' },
    { name: "a wrong token on /admin/v1", path: "/admin/v1/partners", auth: "Bearer adm_wrong", challenge: 'Bearer realm="admin", error="invalid_token"' },
  ];
  for (const t of cases) {
    it(`should challenge ${t.name}`, async () => {
      const res = await call(t.path, { method: "POST", headers: t.auth ? { authorization: t.auth } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe(t.challenge);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json).toMatchObject(unauthorized);
    });
  }

  it("should challenge a revoked key exactly like an unknown one", async () => {
    const p = await newPartner();
    const k = await newKey(p.id, "test");
    await call(`/admin/v1/partners/${p.id}/keys/${k.id}`, { method: "DELETE", key: ADMIN });
    const revoked = await call("/v1/verifications", { key: k.key });
    const unknown = await call("/v1/verifications", { key: "sk_test_00000000000000000000000000000000" });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toBe('Bearer realm="api", error="invalid_token"');
    expect(revoked.json).toEqual(unknown.json);
  });

  it("should challenge a partner key sent to the operator API", async () => {
    const p = await newPartner();
    const res = await call("/admin/v1/partners", { key: p.testKey, body: { name: "x" } });
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="admin", error="invalid_token"');
    expect(res.json).toMatchObject(unauthorized);
  });
});

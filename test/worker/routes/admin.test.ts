import { describe, expect, it } from "vitest";
import { ADMIN, call, newPartner } from "../helpers";

describe("operator API", () => {
  it("should create a partner with a test key shown once", async () => {
    const res = await call("/admin/v1/partners", { key: ADMIN, body: { name: "宁波产权" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ object: "partner", name: "宁波产权", test_key: { object: "api_key", mode: "test", key: expect.stringMatching(/^sk_test_[0-9A-Za-z]{32}$/) } });
    expect(res.json.id).toMatch(/^ptn_/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("should create live keys with the live prefix", async () => {
    const p = await newPartner();
    const res = await call(`/admin/v1/partners/${p.id}/keys`, { key: ADMIN, body: { mode: "live" } });
    expect(res.json).toMatchObject({ mode: "live", key: expect.stringMatching(/^sk_live_/), partner_id: p.id });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("should refuse partner keys and missing tokens", async () => {
    const p = await newPartner();
    expect((await call("/admin/v1/partners", { key: p.testKey, body: { name: "x" } })).status).toBe(401);
    expect((await call("/admin/v1/partners", { body: { name: "x" } })).status).toBe(401);
  });

  it("should validate bodies and unknown partners", async () => {
    const res = await call("/admin/v1/partners", { key: ADMIN, body: { name: "" } });
    expect(res.json.errors).toEqual([{ path: "name", code: "required", message: expect.any(String) }]);
    const mode = await call("/admin/v1/partners/ptn_x/keys", { key: ADMIN, body: { mode: "prod" } });
    expect(mode.json.errors).toEqual([{ path: "mode", code: "invalid_value", message: expect.any(String) }]);
    const unknown = await call("/admin/v1/partners/ptn_000000000000000000000000/keys", { key: ADMIN, body: { mode: "test" } });
    expect(unknown.status).toBe(404);
  });
});

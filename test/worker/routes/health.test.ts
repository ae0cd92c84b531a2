import { describe, expect, it } from "vitest";
import { call } from "../helpers";

describe("GET /healthz", () => {
  it("should answer ok once D1 answers", async () => {
    const res = await call("/healthz");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
  });

  it("should answer unknown routes with problem+json", async () => {
    const res = await call("/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({ status: 404, code: "not_found", title: "Not found" });
  });
});

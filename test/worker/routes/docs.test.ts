import { describe, expect, it } from "vitest";
import { call } from "../helpers";

describe("API documentation", () => {
  it("should serve an OpenAPI 3.1 document generated from the route schemas", async () => {
    const res = await call("/v1/openapi.json");
    expect(res.json.openapi).toBe("3.1.0");
    const create = res.json.paths["/v1/verifications"].post;
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["type"]);
    expect(schema.properties.methods.items.enum).toContain("legal_rep_authorization");
    expect(schema.properties.reference.maxLength).toBe(128);
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header" }));
    expect(create.responses["413"].content["application/problem+json"]).toBeDefined();
    expect(res.json.paths["/admin/v1/partners"].post.responses["413"]).toBeDefined();
    expect(res.json.paths["/v1/verifications"].get.parameters.map((p: any) => p.name)).toEqual(["status", "reference", "limit", "starting_after"]);
  });

  it("should render /docs readably", async () => {
    const res = await call("/docs");
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.text).toContain("POST /v1/verifications");
    expect(res.text).toContain("Create a verification");
  });
});

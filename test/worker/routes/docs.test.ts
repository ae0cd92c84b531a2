import { describe, expect, it } from "vitest";
import { SAMPLE_INVALID_REQUEST, SAMPLE_PROBLEM } from "../../../views/pages/api-docs-guide";
import { call, newPartner } from "../helpers";

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

  it("should document the test helpers that play the bank, and the signed credit ingest, from their route schemas", async () => {
    const { json } = await call("/v1/openapi.json");
    const settle = json.paths["/v1/test_helpers/verifications/{id}/payout/settle"].post;
    expect(settle.tags).toEqual(["Test helpers"]);
    expect(settle.requestBody.content["application/json"].schema.properties.outcome.enum).toEqual(["paid", "failed", "refunded"]);
    const payout = json.paths["/v1/test_helpers/verifications/{id}/payout"].get.responses["200"].content["application/json"].schema;
    expect(payout.properties.amount.description).toContain("0.37");
    const credit = json.paths["/v1/test_helpers/verifications/{id}/incoming_credit"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(credit.properties)).toEqual(["payer_name", "amount", "reference"]);
    expect(credit.required ?? []).toEqual([]);
    const ingest = json.paths["/v1/ingest/credits"].post;
    expect(ingest.security).toEqual([{ ingestSignature: [] }]);
    expect(ingest.parameters.map((p: any) => p.name)).not.toContain("Idempotency-Key");
    expect(ingest.requestBody.content["application/json"].schema.properties.credits.items.required).toEqual(["credit_id", "credited_account", "amount", "payer_name", "payer_account", "booked_at"]);
    expect(json.components.securitySchemes.ingestSignature).toMatchObject({ type: "apiKey", in: "header", name: "Shiming-Signature" });
    expect(json.paths["/v1/test_helpers/sms"].get.parameters).toContainEqual(expect.objectContaining({ name: "phone", in: "query", required: true }));
  });

  it("should render /docs readably", async () => {
    const res = await call("/docs");
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.text).toContain("POST /v1/verifications");
    expect(res.text).toContain("Create a verification");
  });

  it("should lead a partner developer from a test key to a checked result token", async () => {
    const { text } = await call("/docs");
    expect(text).toContain("Quick start");
    expect(text).toMatch(/curl -s http:\/\/[^ ]+\/v1\/verifications/);
    expect(text).toContain("sk_test_");
    expect(text).toContain("standardwebhooks");
    expect(text).toContain("jwtVerify");
    expect(text).toContain("/.well-known/jwks.json");
    // The sample bodies, the webhook's shape and the sandbox's magic values.
    expect(text).toContain("&quot;object&quot;: &quot;verification&quot;");
    expect(text).toContain("verification.verified");
    expect(text).toContain("Sandbox values");
    expect(text).toContain("王不符");
    expect(text).toContain("docs/sandbox.md");
    expect(text).not.toContain("<details>");
  });

  it("should list only /v1 endpoints in the partner section, and the operator's apart after it", async () => {
    const { text } = await call("/docs");
    const partner = text.indexOf('id="partner-api"');
    const operator = text.indexOf('id="operator-api"');
    expect(partner).toBeGreaterThan(text.indexOf("Quick start"));
    expect(operator).toBeGreaterThan(partner);
    expect(text.slice(0, operator)).not.toContain("/admin/v1");
    expect(text.slice(partner, operator)).toContain("GET /v1/events");
    expect(text.slice(operator)).toContain("POST /admin/v1/partners");
  });

  it("should show the error body the API really gives for its sample of a refused request", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications", { key: testKey, body: SAMPLE_INVALID_REQUEST });
    expect(res.json).toEqual(SAMPLE_PROBLEM);
    const { text } = await call("/docs");
    expect(text).toContain("400 response");
    expect(text).toContain("\\&quot;methods[1]\\&quot; must be one of: mobile3, bankcard4, face");
  });
});

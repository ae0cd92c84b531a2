import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../../src/http/v1/openapi";

describe("the OpenAPI document", () => {
  it("should validate as OpenAPI 3.1 with a standard validator", async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument("https://shiming.example") as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("should describe identifiers with the validators' rules and examples", () => {
    const doc = openApiDocument("https://shiming.example") as any;
    const body = doc.paths["/v1/verifications"].post.requestBody.content["application/json"].schema;
    expect(body.properties.person.properties.id_number).toMatchObject({ type: "string", examples: ["11010519491231002X"] });
    expect(body.additionalProperties).toBe(false);
  });
});

// The Tencent Cloud business registry adapter (VerifyBizLicenseEnterprise4): the request it signs,
// every documented StatusCode, VerifyResult, consistency field and OperatingStatus, request errors
// and transport failures. It answers only 4-element queries.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NOT_QUERYABLE, OPERATING_STATUSES, tencentCloudBusinessRegistry } from "../../../../src/providers/business-registry/tencentcloud";
import legalRepIdMismatch from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.legal_rep_id_mismatch.json";
import legalRepMismatch from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.legal_rep_mismatch.json";
import match from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.match.json";
import nameCodeMismatch from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.name_code_mismatch.json";
import notQueryable from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.not_queryable.json";
import orgNotFound from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.org_not_found.json";
import systemError from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.system_error.json";
import unknownError from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.unknown_error.json";
import { errorBody, replay, settingsWith, TRANSPORT_FAILURES } from "../recorded-fetch";
import { ORG, ORG_4 } from "./organizations";

const check = (body: unknown, query = ORG_4) => tencentCloudBusinessRegistry(settingsWith(replay(body).fetch)).check(query);
const withFields = (fields: Record<string, unknown>) => ({ Response: { ...match.Response, ...fields } });

afterEach(() => vi.restoreAllMocks());

describe("tencentCloudBusinessRegistry", () => {
  it("should POST a signed VerifyBizLicenseEnterprise4 with the four elements", async () => {
    const { fetch, sent } = replay(match);
    await tencentCloudBusinessRegistry(settingsWith(fetch)).check(ORG_4);

    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe("https://ocr.tencentcloudapi.com/");
    expect(request?.method).toBe("POST");
    expect(request?.headers.get("X-TC-Action")).toBe("VerifyBizLicenseEnterprise4");
    expect(request?.headers.get("X-TC-Version")).toBe("2018-11-19");
    expect(request?.headers.get("X-TC-Timestamp")).toBe("1700000000");
    expect(request?.headers.get("Authorization")).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDtestonlyNOTAREALKEY\/2023-11-14\/ocr\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.body).toEqual({ CreditCode: ORG_4.credentialCode, EntName: ORG_4.name, LrName: ORG_4.legalRepName, IdNum: ORG_4.legalRepIdNumber });
  });

  it("should never call out for a query without the ID number, which it cannot check", async () => {
    const { fetch, sent } = replay(match);
    expect(await tencentCloudBusinessRegistry(settingsWith(fetch)).check(ORG)).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "legal_rep_id_required" });
    expect(sent).toHaveLength(0);
  });

  it.each([
    ["a match", match, { outcome: "match", registryStatus: "active", elements: 4 }],
    ["another legal representative", legalRepMismatch, { outcome: "no_match", reason: "legal_rep_mismatch" }],
    ["the right name, another ID number", legalRepIdMismatch, { outcome: "no_match", reason: "legal_rep_id_mismatch" }],
    ["a name that is not the code's", nameCodeMismatch, { outcome: "no_match", reason: "name_code_mismatch" }],
    ["neither name nor code known", orgNotFound, { outcome: "no_match", reason: "org_not_found" }],
    ["-10002, information that cannot be queried", notQueryable, { outcome: "no_match", reason: "org_not_found" }],
  ])("should answer the recorded %s", async (_title, recorded, expected) => {
    expect(await check(recorded)).toEqual({ ...expected, provider: "tencentcloud", serial: recorded.Response.RequestId });
  });

  // Every OperatingStatus the vendor documents, on a match.
  it.each([
    ["1", "active"],
    ["2", "moved"],
    ["3", "deregistered"],
    ["4", "revoked"],
    ["5", "cancelled"],
    ["6", "suspended"],
    ["0", "unknown"],
  ])("should read OperatingStatus %s as %s", async (code, registryStatus) => {
    expect(await check(withFields({ OperatingStatus: code }))).toMatchObject({ outcome: "match", registryStatus });
  });

  it("should cover exactly the documented OperatingStatus values", () => {
    expect([...Object.keys(OPERATING_STATUSES), NOT_QUERYABLE].sort()).toEqual(["-10002", "0", "1", "2", "3", "4", "5", "6"]);
  });

  it.each([
    ["the code", { IsCreditCodeConsistent: false }, "name_code_mismatch"],
    ["the name", { IsEntNameConsistent: false }, "name_code_mismatch"],
    ["the legal representative", { IsLrNameConsistent: false }, "legal_rep_mismatch"],
    ["the ID number", { IsIdNumConsistent: false }, "legal_rep_id_mismatch"],
    ["the name and the ID number: the organization first", { IsEntNameConsistent: false, IsIdNumConsistent: false }, "name_code_mismatch"],
  ])("should name %s when only it disagrees", async (_title, fields, reason) => {
    expect(await check(withFields({ VerifyResult: 0, ...fields }))).toMatchObject({ outcome: "no_match", reason });
  });

  it("should answer unavailable for StatusCode 1, Tencent's own fault (not billed)", async () => {
    expect(await check(systemError)).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail: "status_code:1" });
  });

  it.each([
    ["an undocumented StatusCode", { StatusCode: 2 }, "undocumented_status_code:2"],
    ["an undocumented VerifyResult", { VerifyResult: 7 }, "undocumented_verify_result:7"],
    ["an undocumented OperatingStatus on a match", { OperatingStatus: "9" }, "undocumented_operating_status:9"],
    ["-10002 on a match, which contradicts it", { OperatingStatus: NOT_QUERYABLE }, "undocumented_operating_status:-10002"],
    ["a mismatch with every field consistent", { VerifyResult: 0 }, "mismatch_without_field"],
    ["a body without StatusCode", { StatusCode: undefined }, "unexpected_response"],
  ])("should answer unavailable, never a match, for %s", async (_title, fields, detail) => {
    expect(await check(withFields(fields))).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });

  it.each([
    ["the recorded FailedOperation.UnKnowError", unknownError, "FailedOperation.UnKnowError"],
    ["InvalidParameterValue", errorBody("InvalidParameterValue", "req-3"), "InvalidParameterValue"],
    ["a quota error (ResourcesSoldOut)", errorBody("ResourcesSoldOut.ChargeStatusException", "req-4"), "ResourcesSoldOut.ChargeStatusException"],
  ])("should answer unavailable for %s", async (_title, body, detail) => {
    expect(await check(body)).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    expect(await tencentCloudBusinessRegistry(settingsWith(fetch(), timeoutMs)).check(ORG_4)).toEqual({ outcome: "unavailable", provider: "tencentcloud", detail });
  });

  it("should log nothing, and put no personal data in any answer", async () => {
    const logged = ["log", "info", "warn", "error", "debug"].map((level) => vi.spyOn(console, level as "log"));
    const answers = [];
    for (const body of [match, legalRepMismatch, systemError, unknownError, "not json"]) answers.push(await check(body));
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
    const text = JSON.stringify(answers);
    for (const value of [ORG_4.name, ORG_4.legalRepName, ORG_4.legalRepIdNumber]) expect(text).not.toContain(value);
  });
});

// The Aliyun business registry adapter (EntElementVerifyV2): the scene each query runs, the fields
// it sends, every BizCode and ReasonDetail flag, the status words, and every fault.
import { afterEach, describe, expect, it, vi } from "vitest";
import { aliyunBusinessRegistry, registryStatusOf, SCENE_CODE } from "../../../../src/providers/business-registry/aliyun";
import { ALIYUN_TRANSPORT_FAILURES, aliyunSettingsWith, replayAliyun } from "../aliyun/fake-aliyun";
import accountAccessDenied from "../fixtures/aliyun/EntElementVerifyV2.account_access_denied.json";
import legalRepIdMismatch from "../fixtures/aliyun/EntElementVerifyV2.legal_rep_id_mismatch.json";
import legalRepMismatch from "../fixtures/aliyun/EntElementVerifyV2.legal_rep_mismatch.json";
import match from "../fixtures/aliyun/EntElementVerifyV2.match.json";
import nameCodeMismatch from "../fixtures/aliyun/EntElementVerifyV2.name_code_mismatch.json";
import orgNotFound from "../fixtures/aliyun/EntElementVerifyV2.org_not_found.json";
import { ORG, ORG_4 } from "./organizations";

const check = (body: unknown, query = ORG, status = 200) => aliyunBusinessRegistry(aliyunSettingsWith(replayAliyun(body, status).fetch)).check(query);
const withResult = (result: Record<string, unknown>) => ({ ...match, Result: { ...match.Result, ...result } });

afterEach(() => vi.restoreAllMocks());

describe("aliyunBusinessRegistry", () => {
  it("should run ENT_3META without the ID number, sending no LegalPersonCertNo", async () => {
    const { fetch, sent } = replayAliyun(match);
    expect(await aliyunBusinessRegistry(aliyunSettingsWith(fetch)).check(ORG)).toMatchObject({ outcome: "match", elements: 3 });

    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe("https://cloudauth.aliyuncs.com/");
    expect(request?.headers.get("x-acs-action")).toBe("EntElementVerifyV2");
    expect(request?.headers.get("x-acs-version")).toBe("2022-11-25");
    const params = Object.fromEntries(request?.params ?? []);
    expect(params).toEqual({
      SceneCode: SCENE_CODE,
      MerchantBizId: expect.stringMatching(/^[0-9a-f]{32}$/),
      MerchantUserId: expect.stringMatching(/^[0-9a-f]{32}$/),
      UserAuthorization: "1",
      InfoVerifyType: "ENT_3META",
      LicenseNo: ORG.credentialCode,
      EntName: ORG.name,
      LegalPersonName: ORG.legalRepName,
    });
    expect(SCENE_CODE).toMatch(/^\w{1,32}$/);
  });

  it("should run ENT_4META with the ID number", async () => {
    const { fetch, sent } = replayAliyun(match);
    expect(await aliyunBusinessRegistry(aliyunSettingsWith(fetch)).check(ORG_4)).toMatchObject({ outcome: "match", elements: 4 });
    const params = sent[0]?.params;
    expect(params?.get("InfoVerifyType")).toBe("ENT_4META");
    expect(params?.get("LegalPersonCertNo")).toBe(ORG_4.legalRepIdNumber);
  });

  it("should keep the applicant's data out of the URL and out of Aliyun's ids", async () => {
    const { fetch, sent } = replayAliyun(match);
    await aliyunBusinessRegistry(aliyunSettingsWith(fetch)).check(ORG_4);
    await aliyunBusinessRegistry(aliyunSettingsWith(fetch)).check(ORG_4);
    const [first, second] = sent;
    expect(first?.url).toBe("https://cloudauth.aliyuncs.com/");
    expect(first?.params.get("MerchantBizId")).not.toBe(second?.params.get("MerchantBizId"));
    expect(first?.params.get("MerchantUserId")).not.toBe(second?.params.get("MerchantUserId"));
  });

  it.each([
    ["a match", match, { outcome: "match", registryStatus: "active", elements: 3 }],
    ["another legal representative", legalRepMismatch, { outcome: "no_match", reason: "legal_rep_mismatch" }],
    ["another ID number", legalRepIdMismatch, { outcome: "no_match", reason: "legal_rep_id_mismatch" }],
    ["a wrong name beside a wrong legal representative: the organization first", nameCodeMismatch, { outcome: "no_match", reason: "name_code_mismatch" }],
    ["no such organization (BizCode 3)", orgNotFound, { outcome: "no_match", reason: "org_not_found" }],
  ])("should answer the recorded %s", async (_title, recorded, expected) => {
    expect(await check(recorded)).toEqual({ ...expected, provider: "aliyun", serial: recorded.RequestId });
  });

  it.each([
    ["EntNameFlag", "name_code_mismatch"],
    ["LicenseNoFlag", "name_code_mismatch"],
    ["LegalPersonNameFlag", "legal_rep_mismatch"],
    ["LegalPersonCertNoFlag", "legal_rep_id_mismatch"],
    ["LegalPersonNameFlag,LegalPersonCertNoFlag", "legal_rep_mismatch"],
    ["LegalPersonCertNoFlag, LicenseNoFlag", "name_code_mismatch"],
  ])("should read ReasonDetail %s as %s", async (detail, reason) => {
    expect(await check(withResult({ BizCode: "2", ReasonDetail: detail }))).toMatchObject({ outcome: "no_match", reason });
  });

  it.each([
    ["存续（在营、开业、在册）", "active"],
    ["存续", "active"],
    ["在业", "active"],
    ["在营（开业）", "active"],
    ["开业", "active"],
    ["吊销", "revoked"],
    ["吊销，未注销", "revoked"],
    ["注销", "deregistered"],
    ["已注销", "deregistered"],
    ["撤销", "cancelled"],
    ["迁出", "moved"],
    ["（待）迁出", "moved"],
    ["停业", "suspended"],
    ["歇业", "suspended"],
    ["清算", "liquidating"],
    ["筹建", "establishing"],
    ["其他", "unknown"],
    ["", "unknown"],
  ])("should read the status %s as %s", async (text, registryStatus) => {
    expect(registryStatusOf(text)).toBe(registryStatus);
    expect(await check(withResult({ Status: text }))).toMatchObject({ outcome: "match", registryStatus });
  });

  it("should read a match without a status as unknown", async () => {
    expect(await check({ ...match, Result: { BizCode: "1" } })).toMatchObject({ outcome: "match", registryStatus: "unknown" });
  });

  it.each([
    ["an undocumented BizCode", { ...match, Result: { BizCode: "4" } }, "undocumented_biz_code:4"],
    ["a mismatch that names no field", { ...match, Result: { BizCode: "2" } }, "mismatch_without_detail"],
    ["a mismatch naming only an unknown flag", { ...match, Result: { BizCode: "2", ReasonDetail: "SomethingFlag" } }, "mismatch_without_detail"],
    ["a Success without Result", { RequestId: "r", Code: "Success" }, "unexpected_response"],
    ["a numeric BizCode", { ...match, Result: { BizCode: 1 } }, "unexpected_response"],
  ])("should answer unavailable, never a match, for %s", async (_title, body, detail) => {
    expect(await check(body)).toEqual({ outcome: "unavailable", provider: "aliyun", detail });
  });

  it.each([
    ["the recorded Forbidden.AccountAccessDenied", accountAccessDenied, 403, "Forbidden.AccountAccessDenied"],
    ["MissingParameter", { RequestId: "r", Code: "MissingParameter", Message: "缺少必须参数" }, 400, "MissingParameter"],
    ["InvalidParameter", { RequestId: "r", Code: "InvalidParameter", Message: "参数不合法" }, 401, "InvalidParameter"],
    ["Forbidden.RAMUserAccessDenied", { RequestId: "r", Code: "Forbidden.RAMUserAccessDenied", Message: "…" }, 403, "Forbidden.RAMUserAccessDenied"],
  ])("should answer unavailable for %s", async (_title, body, status, detail) => {
    expect(await check(body, ORG, status)).toEqual({ outcome: "unavailable", provider: "aliyun", detail });
  });

  it.each(ALIYUN_TRANSPORT_FAILURES)("should answer unavailable for $title", async ({ fetch, timeoutMs, detail }) => {
    expect(await aliyunBusinessRegistry(aliyunSettingsWith(fetch(), timeoutMs)).check(ORG_4)).toEqual({ outcome: "unavailable", provider: "aliyun", detail });
  });

  it("should log nothing, and put no personal data in any answer", async () => {
    const logged = ["log", "info", "warn", "error", "debug"].map((level) => vi.spyOn(console, level as "log"));
    const answers = [];
    for (const [body, status] of [
      [match, 200],
      [legalRepMismatch, 200],
      [accountAccessDenied, 403],
      ["<html/>", 502],
    ] as const)
      answers.push(await check(body, ORG_4, status));
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
    const text = JSON.stringify(answers);
    for (const value of [ORG_4.name, ORG_4.legalRepName, ORG_4.legalRepIdNumber]) expect(text).not.toContain(value);
  });
});

// The business registry contract: one table of cases run against the sandbox (steered by magic
// values) and against each live adapter fed its recorded response. All must give the same
// outcome, reason and status; the serial is the sandbox's or the recorded RequestId.
import { describe, expect, it } from "vitest";
import { aliyunBusinessRegistry } from "../../../../src/providers/business-registry/aliyun";
import type { BusinessRegistryQuery, BusinessRegistryReason, RegistryStatus } from "../../../../src/providers/business-registry/index";
import { sandboxBusinessRegistry } from "../../../../src/providers/business-registry/sandbox";
import { tencentCloudBusinessRegistry } from "../../../../src/providers/business-registry/tencentcloud";
import { SANDBOX_NAMES, SANDBOX_ORGANIZATIONS } from "../../../../src/providers/sandbox-values";
import { aliyunSettingsWith, replayAliyun } from "../aliyun/fake-aliyun";
import { expectAnswer, SANDBOX_SERIAL, type Expected } from "../contract";
import aliyunForbidden from "../fixtures/aliyun/EntElementVerifyV2.account_access_denied.json";
import aliyunLegalRep from "../fixtures/aliyun/EntElementVerifyV2.legal_rep_mismatch.json";
import aliyunLegalRepId from "../fixtures/aliyun/EntElementVerifyV2.legal_rep_id_mismatch.json";
import aliyunMatch from "../fixtures/aliyun/EntElementVerifyV2.match.json";
import aliyunNameCode from "../fixtures/aliyun/EntElementVerifyV2.name_code_mismatch.json";
import aliyunNotFound from "../fixtures/aliyun/EntElementVerifyV2.org_not_found.json";
import tencentLegalRep from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.legal_rep_mismatch.json";
import tencentLegalRepId from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.legal_rep_id_mismatch.json";
import tencentMatch from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.match.json";
import tencentNameCode from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.name_code_mismatch.json";
import tencentNotFound from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.org_not_found.json";
import tencentSystemError from "../fixtures/tencentcloud/VerifyBizLicenseEnterprise4.system_error.json";
import { replay, settingsWith } from "../recorded-fetch";
import { ORG_4 } from "./organizations";

type TencentBody = { Response: { RequestId: string } };
type AliyunBody = { RequestId: string };
type Case = {
  title: string;
  expected: Expected<BusinessRegistryReason>;
  status?: RegistryStatus;
  sandbox: BusinessRegistryQuery;
  /** Absent where the vendor documents no response that means this. */
  tencent?: TencentBody;
  aliyun?: AliyunBody;
  /** The HTTP status the Aliyun body comes with. */
  aliyunStatus?: number;
};

const tencentWithStatus = (code: string) => ({ Response: { ...tencentMatch.Response, OperatingStatus: code } });
const aliyunWithStatus = (text: string) => ({ ...aliyunMatch, Result: { ...aliyunMatch.Result, Status: text } });

const cases: Case[] = [
  { title: "a matching organization", expected: { outcome: "match" }, status: "active", sandbox: ORG_4, tencent: tencentMatch, aliyun: aliyunMatch },
  {
    title: "a deregistered organization",
    expected: { outcome: "match" },
    status: "deregistered",
    sandbox: { ...ORG_4, name: `示例${SANDBOX_ORGANIZATIONS.deregisteredMark}有限公司` },
    tencent: tencentWithStatus("3"),
    aliyun: aliyunWithStatus("注销"),
  },
  {
    title: "a revoked organization",
    expected: { outcome: "match" },
    status: "revoked",
    sandbox: { ...ORG_4, name: `示例${SANDBOX_ORGANIZATIONS.revokedMark}有限公司` },
    tencent: tencentWithStatus("4"),
    aliyun: aliyunWithStatus("吊销，未注销"),
  },
  {
    title: "another legal representative",
    expected: { outcome: "no_match", reason: "legal_rep_mismatch" },
    sandbox: { ...ORG_4, legalRepName: SANDBOX_NAMES.nameIdMismatch },
    tencent: tencentLegalRep,
    aliyun: aliyunLegalRep,
  },
  {
    title: "a name that is not the code's",
    expected: { outcome: "no_match", reason: "name_code_mismatch" },
    sandbox: { ...ORG_4, credentialCode: SANDBOX_ORGANIZATIONS.nameMismatchCode },
    tencent: tencentNameCode,
    aliyun: aliyunNameCode,
  },
  {
    title: "no such organization",
    expected: { outcome: "no_match", reason: "org_not_found" },
    sandbox: { ...ORG_4, name: SANDBOX_ORGANIZATIONS.notFoundName },
    tencent: tencentNotFound,
    aliyun: aliyunNotFound,
  },
  // The sandbox has no magic value for a wrong ID number: its 4-element answers follow the name.
  { title: "another ID number", expected: { outcome: "no_match", reason: "legal_rep_id_mismatch" }, sandbox: ORG_4, tencent: tencentLegalRepId, aliyun: aliyunLegalRepId },
  {
    title: "a registry that is down",
    expected: { outcome: "unavailable" },
    sandbox: { ...ORG_4, legalRepName: SANDBOX_NAMES.unavailable },
    tencent: tencentSystemError,
    aliyun: aliyunForbidden,
    aliyunStatus: 403,
  },
];

function expectStatus(answer: { outcome: string }, status: RegistryStatus | undefined) {
  if (status !== undefined) expect(answer).toMatchObject({ registryStatus: status, elements: 4 });
}

describe("business registry contract: sandbox", () => {
  const sandboxCases = cases.filter((c) => c.title !== "another ID number");
  it.each(sandboxCases)("should answer $expected.outcome for $title", async ({ expected, status, sandbox }) => {
    const answer = await sandboxBusinessRegistry().check(sandbox);
    expectAnswer(answer, expected, SANDBOX_SERIAL);
    expectStatus(answer, status);
  });
});

describe("business registry contract: tencentcloud", () => {
  const recorded = cases.flatMap((c) => (c.tencent ? [{ ...c, tencent: c.tencent }] : []));
  it.each(recorded)("should answer $expected.outcome for $title", async ({ expected, status, tencent }) => {
    const answer = await tencentCloudBusinessRegistry(settingsWith(replay(tencent).fetch)).check(ORG_4);
    expectAnswer(answer, expected, tencent.Response.RequestId);
    expectStatus(answer, status);
  });
});

describe("business registry contract: aliyun", () => {
  const recorded = cases.flatMap((c) => (c.aliyun ? [{ ...c, aliyun: c.aliyun }] : []));
  it.each(recorded)("should answer $expected.outcome for $title", async ({ expected, status, aliyun, aliyunStatus }) => {
    const answer = await aliyunBusinessRegistry(aliyunSettingsWith(replayAliyun(aliyun, aliyunStatus).fetch)).check(ORG_4);
    expectAnswer(answer, expected, aliyun.RequestId);
    expectStatus(answer, status);
  });
});

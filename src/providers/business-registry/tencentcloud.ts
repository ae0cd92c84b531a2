// The 4-element business registry check through Tencent Cloud OCR `VerifyBizLicenseEnterprise4`
// (2018-11-19): name, credential code, legal representative's name and ID number, each answered
// consistent or not, with the registration status. It cannot run a 3-element check, so a query
// without the ID number is never sent. It must never log the names or the ID number it sends.
import { z } from "zod";
import { unavailable } from "../answer";
import { callTencentCloud, TENCENTCLOUD_PROVIDER, type TencentCloudSettings } from "../tencentcloud/client";
import type { BusinessRegistryAnswer, BusinessRegistryProvider, BusinessRegistryReason, RegistryStatus } from "./index";

// OperatingStatus, as documented. -10002 (企业信息不正确，无法查询) is not a status: the registry
// found nothing to answer about, so it reads as org_not_found below. A value not listed here is
// unavailable, never a match with a guessed status.
export const OPERATING_STATUSES: Readonly<Record<string, RegistryStatus>> = {
  "1": "active", // 开业（在营）
  "2": "moved", // 迁出
  "3": "deregistered", // 注销
  "4": "revoked", // 吊销
  "5": "cancelled", // 撤销
  "6": "suspended", // 停业
  "0": "unknown", // 其他
};
export const NOT_QUERYABLE = "-10002";

// StatusCode 0 is an answer (billed); 1 is Tencent's own fault (not billed). The consistency
// fields are only present with 0.
const replySchema = z.object({
  StatusCode: z.number().int(),
  VerifyResult: z.number().int().optional(),
  IsCreditCodeConsistent: z.boolean().optional(),
  IsEntNameConsistent: z.boolean().optional(),
  IsLrNameConsistent: z.boolean().optional(),
  IsIdNumConsistent: z.boolean().optional(),
  OperatingStatus: z.string().optional(),
});
type Reply = z.infer<typeof replySchema>;

export function tencentCloudBusinessRegistry(settings: TencentCloudSettings): BusinessRegistryProvider {
  return {
    async check({ name, credentialCode, legalRepName, legalRepIdNumber }) {
      // The router sends only 4-element queries here; this guards a wrong wiring without a paid call.
      if (!legalRepIdNumber) return unavailable(TENCENTCLOUD_PROVIDER, "legal_rep_id_required");
      const reply = await callTencentCloud({
        ...settings,
        service: "ocr",
        action: "VerifyBizLicenseEnterprise4",
        version: "2018-11-19",
        payload: { CreditCode: credentialCode, EntName: name, LrName: legalRepName, IdNum: legalRepIdNumber },
      });
      if (reply.outcome === "unavailable") return reply;
      // No error code of this action says anything about the organization: each is a fault.
      if (reply.error) return unavailable(TENCENTCLOUD_PROVIDER, reply.error.code);
      const parsed = replySchema.safeParse(reply.body);
      if (!parsed.success) return unavailable(TENCENTCLOUD_PROVIDER, "unexpected_response");
      return answerFor(parsed.data, reply.requestId);
    },
  };
}

function answerFor(reply: Reply, serial: string): BusinessRegistryAnswer {
  if (reply.StatusCode === 1) return unavailable(TENCENTCLOUD_PROVIDER, "status_code:1");
  if (reply.StatusCode !== 0) return unavailable(TENCENTCLOUD_PROVIDER, `undocumented_status_code:${reply.StatusCode}`);
  const operating = reply.OperatingStatus ?? "";
  if (reply.VerifyResult === 1) {
    const registryStatus = OPERATING_STATUSES[operating];
    if (registryStatus === undefined) return unavailable(TENCENTCLOUD_PROVIDER, `undocumented_operating_status:${operating}`);
    return { outcome: "match", provider: TENCENTCLOUD_PROVIDER, serial, registryStatus, elements: 4 };
  }
  if (reply.VerifyResult !== 0) return unavailable(TENCENTCLOUD_PROVIDER, `undocumented_verify_result:${reply.VerifyResult ?? "absent"}`);
  const reason = operating === NOT_QUERYABLE ? "org_not_found" : mismatchOf(reply);
  if (reason === undefined) return unavailable(TENCENTCLOUD_PROVIDER, "mismatch_without_field");
  return { outcome: "no_match", reason, provider: TENCENTCLOUD_PROVIDER, serial };
}

// The first field that disagrees, in the order a person would fix them: the organization itself,
// then who represents it. Name and code both unknown is no such organization (Tencent then answers
// the legal representative's fields false whatever was sent).
function mismatchOf(reply: Reply): BusinessRegistryReason | undefined {
  const code = reply.IsCreditCodeConsistent;
  const name = reply.IsEntNameConsistent;
  if (code === false && name === false) return "org_not_found";
  if (code === false || name === false) return "name_code_mismatch";
  if (reply.IsLrNameConsistent === false) return "legal_rep_mismatch";
  if (reply.IsIdNumConsistent === false) return "legal_rep_id_mismatch";
  return undefined;
}

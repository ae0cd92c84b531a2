// The business registry through Aliyun ID Verification `EntElementVerifyV2` (cloudauth, 2022-11-25):
// ENT_3META (name, credential code, legal representative or person in charge) when the ID number
// is not known, ENT_4META with it. Its 3-element check covers organizations that are not
// enterprises too (public institutions, social organizations, law firms…). It must never log the
// names or the ID number it sends.
import { z } from "zod";
import { toHex } from "../../crypto/encoding";
import { unavailable } from "../answer";
import { ALIYUN_PROVIDER, callAliyun, type AliyunSettings } from "../aliyun/client";
import type { BusinessRegistryAnswer, BusinessRegistryProvider, BusinessRegistryReason, RegistryStatus } from "./index";

export const CLOUDAUTH_HOST = "cloudauth.aliyuncs.com";
/** Our label for this use in Aliyun's console and bills (letters, digits and _, at most 32). */
export const SCENE_CODE = "shiming_org_check";

// BizCode: 1 核验一致, 2 核验不一致 (ReasonDetail says which), 3 未查得. Anything else is unavailable.
const MATCH = "1";
const MISMATCH = "2";
const NOT_FOUND = "3";

// ReasonDetail's flags, comma-separated. The organization's own fields come first: with them wrong,
// who represents it cannot be judged.
const FLAG_REASONS: readonly (readonly [string, BusinessRegistryReason])[] = [
  ["EntNameFlag", "name_code_mismatch"],
  ["LicenseNoFlag", "name_code_mismatch"],
  ["LegalPersonNameFlag", "legal_rep_mismatch"],
  ["LegalPersonCertNoFlag", "legal_rep_id_mismatch"],
];

// The registration status is free text (存续（在营、开业、在册）, 吊销，未注销, …), read by keyword in
// this order: 吊销 first, because a revoked organization not yet deregistered says 注销 too.
const STATUS_WORDS: readonly (readonly [RegistryStatus, readonly string[]])[] = [
  ["revoked", ["吊销"]],
  ["cancelled", ["撤销"]],
  ["deregistered", ["注销"]],
  ["moved", ["迁出"]],
  ["suspended", ["停业", "歇业"]],
  ["liquidating", ["清算"]],
  ["establishing", ["筹建"]],
  // 在营, 开业 and 在册 are the registry's other words for 存续.
  ["active", ["存续", "在业", "在营", "开业", "在册"]],
];

const resultSchema = z.object({ BizCode: z.string(), ReasonDetail: z.string().nullish(), Status: z.string().nullish() });

export function registryStatusOf(text: string): RegistryStatus {
  for (const [status, words] of STATUS_WORDS) if (words.some((word) => text.includes(word))) return status;
  return "unknown";
}

export function aliyunBusinessRegistry(settings: AliyunSettings): BusinessRegistryProvider {
  return {
    async check({ name, credentialCode, legalRepName, legalRepIdNumber }) {
      const elements = legalRepIdNumber ? 4 : 3;
      const reply = await callAliyun({
        ...settings,
        host: CLOUDAUTH_HOST,
        action: "EntElementVerifyV2",
        version: "2022-11-25",
        params: {
          SceneCode: SCENE_CODE,
          // Random, so nothing about the applicant reaches Aliyun's own ids.
          MerchantBizId: randomId(),
          MerchantUserId: randomId(),
          // 1 says we hold the applicant's authorisation: the hosted flow must record it first.
          UserAuthorization: "1",
          InfoVerifyType: elements === 4 ? "ENT_4META" : "ENT_3META",
          LicenseNo: credentialCode,
          EntName: name,
          LegalPersonName: legalRepName,
          ...(legalRepIdNumber ? { LegalPersonCertNo: legalRepIdNumber } : {}),
        },
      });
      if (reply.outcome === "unavailable") return reply;
      return answerFor(reply.body.Result, reply.requestId, elements);
    },
  };
}

function answerFor(result: unknown, serial: string, elements: 3 | 4): BusinessRegistryAnswer {
  const parsed = resultSchema.safeParse(result);
  if (!parsed.success) return unavailable(ALIYUN_PROVIDER, "unexpected_response");
  const { BizCode, ReasonDetail, Status } = parsed.data;
  if (BizCode === MATCH) return { outcome: "match", provider: ALIYUN_PROVIDER, serial, registryStatus: registryStatusOf(Status ?? ""), elements };
  if (BizCode === NOT_FOUND) return { outcome: "no_match", reason: "org_not_found", provider: ALIYUN_PROVIDER, serial };
  if (BizCode !== MISMATCH) return unavailable(ALIYUN_PROVIDER, `undocumented_biz_code:${BizCode.replace(/[^0-9A-Za-z_-]/g, "_").slice(0, 16)}`);
  const flags = (ReasonDetail ?? "").split(",").map((flag) => flag.trim());
  const reason = FLAG_REASONS.find(([flag]) => flags.includes(flag))?.[1];
  // A mismatch that names no field cannot be said to the applicant: unavailable, not a guess.
  if (reason === undefined) return unavailable(ALIYUN_PROVIDER, "mismatch_without_detail");
  return { outcome: "no_match", reason, provider: ALIYUN_PROVIDER, serial };
}

function randomId(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

// Consents the applicant gives, recorded as evidence: which text (version and hash), when, from
// which IP (encrypted until the verification ends, and its network for good) and browser. The text hashed is the zh-CN wording the applicant agreed to.
import { sha256Hex } from "../crypto/hash";
import { newId } from "../crypto/random";
import { maskIp } from "../domain/masking";
import type { consents } from "../db/schema";
import { t } from "../../views/messages";
import type { FlowContext } from "./context";

export const CONSENT_TEXTS = {
  app_authorization: { version: "2026-12-03", text: () => `${t("zh-CN", "authorize.consent")}\n${t("zh-CN", "legal.service.body")}\n${t("zh-CN", "legal.privacy.body")}` },
  // Face data is sensitive personal information (PIPL art. 28-29): its own, separate consent.
  face_processing: { version: "2026-11-01", text: () => `${t("zh-CN", "phone.consent.title")}\n${t("zh-CN", "phone.consent.body")}` },
} as const;

export type ConsentKind = keyof typeof CONSENT_TEXTS;

export async function consentRecord(ctx: FlowContext, verificationId: string, applicantId: string, kind: ConsentKind) {
  const { version, text } = CONSENT_TEXTS[kind];
  return {
    id: newId("cns"),
    verificationId,
    applicantId,
    kind,
    textVersion: version,
    textHash: await sha256Hex(text()),
    ipEnc: await ctx.cipher.encrypt(ctx.client.ip),
    ipMasked: maskIp(ctx.client.ip),
    userAgent: ctx.client.userAgent,
    createdAt: ctx.now,
  } satisfies typeof consents.$inferInsert;
}

// Consents the applicant gives, recorded as evidence: which text (version and hash), when, from
// which IP (encrypted until the verification ends, and its network for good) and browser. The
// text hashed is the zh-CN wording the applicant agreed to, with the legal texts it links.
import { sha256Hex } from "../crypto/hash";
import { newId } from "../crypto/random";
import { maskIp } from "../domain/masking";
import type { consents } from "../db/schema";
import { methodConsentText } from "../../views/components/method-consent";
import { t } from "../../views/messages";
import type { FlowContext } from "./context";
import { guardedConsentInsert } from "../db/consents";
import { alongside, type Change, note } from "./writer";

import { LEGAL_VERSION } from "./legal-version";

export { LEGAL_VERSION };

const legalTexts = () => `${t("zh-CN", "legal.service.body")}\n${t("zh-CN", "legal.privacy.body")}`;

export const CONSENT_TEXTS = {
  app_authorization: { version: LEGAL_VERSION, text: () => `${t("zh-CN", "authorize.consent")}\n${legalTexts()}` },
  // Face data is sensitive personal information (PIPL art. 28-29): its own, separate consent.
  face_processing: { version: "2026-11-01", text: () => `${t("zh-CN", "phone.consent.title")}\n${t("zh-CN", "phone.consent.body")}` },
  // The method form's 我已阅读并同意相关协议: its sentence names who receives that method's details.
  method_processing: { version: LEGAL_VERSION, text: (method = "") => `${methodConsentText("zh-CN", method)}\n${legalTexts()}` },
} as const satisfies Record<string, { version: string; text: (subject?: string) => string }>;

export type ConsentKind = keyof typeof CONSENT_TEXTS;

/** `subject` is what the text names beyond its kind: the method, for method_processing. */
export async function consentRecord(ctx: FlowContext, verificationId: string, applicantId: string, kind: ConsentKind, subject?: string) {
  const { version, text } = CONSENT_TEXTS[kind];
  return {
    id: newId("cns"),
    verificationId,
    applicantId,
    kind,
    textVersion: version,
    textHash: await sha256Hex(text(subject)),
    ipEnc: await ctx.cipher.encrypt(ctx.client.ip),
    ipMasked: maskIp(ctx.client.ip),
    userAgent: ctx.client.userAgent,
    createdAt: ctx.now,
  } satisfies typeof consents.$inferInsert;
}

/**
 * A consent given as part of a change: its record rides in the change's write (guarded with it)
 * and the log says which text, version and hash; `method` names the method whose form carried it.
 */
export async function recordConsent(ctx: FlowContext, ch: Change, applicantId: string, kind: ConsentKind, method?: string) {
  const consent = await consentRecord(ctx, ch.base.id, applicantId, kind, method);
  const data = { consent_id: consent.id, kind: consent.kind, ...(method ? { method } : {}), text_version: consent.textVersion, text_hash: consent.textHash };
  note(ch, { type: "consent.recorded", actor: "applicant", data });
  alongside(ch, [(guard) => guardedConsentInsert(ctx.db, consent, guard)]);
  return consent;
}

// App authorization (应用授权): the applicant proves a phone with an SMS code and consents to
// sharing; the phone names their account. Errors come back as field codes for the form.
import { guardedConsentInsert } from "../db/consents";
import { upsertApplicantByPhone } from "../db/applicants";
import { eventInsert, updateVerification, type VerificationRow } from "../db/verifications";
import { maskPhone } from "../domain/masking";
import { firstIssueCode, mobileNumber } from "../schemas/identifiers";
import type { HostedContext } from "./context";
import { consentRecord } from "./consent";
import { checkCode, sendCode } from "./sms-code";

export interface AuthorizeInput {
  phone: string;
  code: string;
  consent: boolean;
}

export type AuthorizeErrors = Partial<Record<"phone" | "code" | "consent", string>>;

export type SendResult = { ok: true; phone: string } | { ok: false; errors: AuthorizeErrors; retryAfterSeconds?: number };

export async function sendAuthorizationCode(ctx: HostedContext, row: VerificationRow, rawPhone: string): Promise<SendResult> {
  const phone = mobileNumber.safeParse(rawPhone, { reportInput: true });
  if (!phone.success) return { ok: false, errors: { phone: firstIssueCode(phone.error) } };
  const sent = await sendCode(ctx, row, phone.data, "app_authorization");
  if (!sent.ok) return { ok: false, errors: { phone: sent.reason }, ...(sent.retryAfterSeconds ? { retryAfterSeconds: sent.retryAfterSeconds } : {}) };
  return { ok: true, phone: phone.data };
}

export type AuthorizeResult = { ok: true; applicantId: string; row: VerificationRow } | { ok: false; errors: AuthorizeErrors; triesLeft?: number };

export async function authorizeApplicant(ctx: HostedContext, row: VerificationRow, input: AuthorizeInput): Promise<AuthorizeResult> {
  const errors: AuthorizeErrors = {};
  const phone = mobileNumber.safeParse(input.phone, { reportInput: true });
  if (!phone.success) errors.phone = firstIssueCode(phone.error);
  if (!/^\d{6}$/.test(input.code.trim())) errors.code = input.code.trim() === "" ? "required" : "code_format";
  if (!input.consent) errors.consent = "consent_required";
  if (!phone.success || Object.keys(errors).length > 0) return { ok: false, errors };

  const { outcome, evidence } = await checkCode(ctx, row, phone.data, "app_authorization", input.code.trim());
  if (!outcome.ok) return { ok: false, errors: { code: outcome.reason }, triesLeft: outcome.triesLeft };

  const phoneHash = await ctx.cipher.hash("phone", phone.data);
  const applicantId = await upsertApplicantByPhone(ctx.db, phoneHash, maskPhone(phone.data), ctx.now);
  // A verification belongs to the first account that signs in to it: another phone holding the
  // link must not take it over (and with it, what the applicant typed).
  if (row.applicantId && row.applicantId !== applicantId) return { ok: false, errors: { phone: "another_applicant" } };
  const consent = await consentRecord(ctx, row.id, applicantId, "app_authorization");
  const patch = { applicantId, updatedAt: ctx.now };
  const written = await updateVerification(
    ctx.db,
    row,
    patch,
    { type: "applicant.authorized", actor: "applicant", data: { applicant_id: applicantId, consent_id: consent.id, consent_kind: consent.kind, text_version: consent.textVersion, text_hash: consent.textHash } },
    (guard) => [guardedConsentInsert(ctx.db, consent, guard), eventInsert(ctx.db, row, evidence, ctx.now)],
  );
  if (!written) return { ok: false, errors: { code: "conflict" } };
  return { ok: true, applicantId, row: { ...row, ...patch, version: row.version + 1 } };
}

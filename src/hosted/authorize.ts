// App authorization (应用授权): the applicant proves a phone with an SMS code and consents to
// sharing; the phone names their account. Errors come back as field codes for the form.
import { guardedConsentInsert } from "../db/consents";
import { applicantUpsert } from "../db/applicants";
import { eventInsert, updateVerificationThenRead, type VerificationRow } from "../db/verifications";
import { maskPhone } from "../domain/masking";
import { firstIssueCode, mobileNumber } from "../schemas/identifiers";
import type { HostedContext } from "./context";
import { consentRecord } from "./consent";
import { reuseCandidates } from "./current-step";
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

export type AuthorizeResult = { ok: true; applicantId: string; row: VerificationRow; reusable: VerificationRow[] } | { ok: false; errors: AuthorizeErrors; triesLeft?: number };

/** A phone's account id: `app_` and 24 hex digits of a keyed hash of the phone, the same on every sign-in. */
async function applicantIdFor(ctx: HostedContext, phone: string): Promise<string> {
  return `app_${(await ctx.cipher.hash("applicant_id", phone)).slice(0, 24)}`;
}

export async function authorizeApplicant(ctx: HostedContext, row: VerificationRow, input: AuthorizeInput): Promise<AuthorizeResult> {
  const errors: AuthorizeErrors = {};
  const phone = mobileNumber.safeParse(input.phone, { reportInput: true });
  if (!phone.success) errors.phone = firstIssueCode(phone.error);
  if (!/^\d{6}$/.test(input.code.trim())) errors.code = input.code.trim() === "" ? "required" : "code_format";
  if (!input.consent) errors.consent = "consent_required";
  if (!phone.success || Object.keys(errors).length > 0) return { ok: false, errors };

  const { outcome, evidence } = await checkCode(ctx, row, phone.data, "app_authorization", input.code.trim());
  if (!outcome.ok) return { ok: false, errors: { code: outcome.reason }, triesLeft: outcome.triesLeft };

  const [phoneHash, applicantId] = await Promise.all([ctx.cipher.hash("phone", phone.data), applicantIdFor(ctx, phone.data)]);
  // A verification belongs to the first account that signs in to it: another phone holding the
  // link must not take it over (and with it, what the applicant typed).
  if (row.applicantId && row.applicantId !== applicantId) return { ok: false, errors: { phone: "another_applicant" } };
  const consent = await consentRecord(ctx, row.id, applicantId, "app_authorization");
  const patch = { applicantId, updatedAt: ctx.now };
  // One round trip: the account, the consent, the code's evidence, the change, and what the next
  // page needs to know (earlier verifications the applicant may reuse).
  const { written, read } = await updateVerificationThenRead(
    ctx.db,
    row,
    patch,
    { type: "applicant.authorized", actor: "applicant", data: { applicant_id: applicantId, consent_id: consent.id, consent_kind: consent.kind, text_version: consent.textVersion, text_hash: consent.textHash } },
    (guard) => [
      applicantUpsert(ctx.db, { id: applicantId, phoneHash, phoneMasked: maskPhone(phone.data), createdAt: ctx.now }),
      guardedConsentInsert(ctx.db, consent, guard),
      eventInsert(ctx.db, row, evidence, ctx.now),
    ],
    reuseCandidates(ctx, row, applicantId),
  );
  if (!written) return { ok: false, errors: { code: "conflict" } };
  return { ok: true, applicantId, row: { ...row, ...patch, version: row.version + 1 }, reusable: read };
}

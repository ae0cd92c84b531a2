// App authorization (应用授权): the applicant proves a phone with an SMS code and consents to
// sharing; the phone names their account. Errors come back as field codes for the form.
import { guardedConsentInsert } from "../db/consents";
import { applicantUpsert } from "../db/applicants";
import type { VerificationRow } from "../db/verifications";
import { maskPhone } from "../domain/masking";
import { applicantIdFor } from "../flow/applicant";
import { consentRecord } from "../flow/consent";
import type { FlowContext } from "../flow/context";
import { alongside, beginChange, evidence, note, set, writeThenRead } from "../flow/writer";
import { firstIssueCode, mobileNumber } from "../schemas/identifiers";
import { checkCode, type CodeUse, codeStatus, sendCode } from "../flow/sms";
import { reuseCandidates } from "./reuse";

const SIGN_IN: CodeUse = { purpose: "app_authorization", text: "登录并授权" };

export interface AuthorizeInput {
  phone: string;
  code: string;
  consent: boolean;
}

export type AuthorizeErrors = Partial<Record<"phone" | "code" | "consent", string>>;

/**
 * What the sign-in form shows of a phone's code: that it was sent, while it can still be entered
 * (never for a void or expired code), and the seconds until another may be asked for, which the
 * 获取验证码 button waits out, disabled (the server says when; a script only counts down).
 */
export interface SignInCodeShown {
  codeSentTo?: string;
  retryAfterSeconds?: number;
  /**
   * The wait comes from a code this number got for another verification (another site, another
   * tab) less than a minute ago: said plainly, since nobody here asked for one, and that code is no use here.
   */
  sentElsewhere?: true;
}

/** `phone` on a refusal: the number was fine (a limit or the carrier said no), so a reload keeps it. */
export type SendResult = { ok: true; phone: string; shown: SignInCodeShown } | { ok: false; errors: AuthorizeErrors; shown: SignInCodeShown; phone?: string };

export async function sendAuthorizationCode(ctx: FlowContext, row: VerificationRow, rawPhone: string): Promise<SendResult> {
  const phone = mobileNumber.safeParse(rawPhone, { reportInput: true });
  if (!phone.success) return { ok: false, errors: { phone: firstIssueCode(phone.error) }, shown: {} };
  const sent = await sendCode(ctx, row, phone.data, SIGN_IN);
  const shown = await signInCodeShown(ctx, row, phone.data, sent.ok ? 0 : (sent.retryAfterSeconds ?? 0));
  // A second tap while the code just sent can still be entered (a double click, a page left open
  // past its countdown's start): nothing went wrong, and the form says so again with its countdown.
  if (sent.ok || (sent.reason === "cooldown" && shown.codeSentTo)) return { ok: true, phone: phone.data, shown };
  return { ok: false, errors: { phone: sent.reason === "cooldown" && shown.sentElsewhere ? "cooldown_elsewhere" : sent.reason }, shown, phone: phone.data };
}

/**
 * A read of the phone's Durable Object (nothing changes): whether the sign-in code sent to it for
 * this verification can still be entered, and when the next send is allowed. `refusedForSeconds`
 * is a refused send's own wait, which may be longer (the per-IP caps, which the phone's object
 * does not know). A number that is not a mobile number shows nothing.
 */
export async function signInCodeShown(ctx: FlowContext, row: VerificationRow, rawPhone: string, refusedForSeconds = 0): Promise<SignInCodeShown> {
  const phone = mobileNumber.safeParse(rawPhone);
  if (!phone.success) return {};
  const status = await codeStatus(ctx, row, phone.data, SIGN_IN.purpose);
  const seconds = Math.max(Math.ceil(status.nextSendInMs / 1000), refusedForSeconds);
  return {
    ...(status.codeLive ? { codeSentTo: maskPhone(phone.data) } : {}),
    ...(seconds > 0 ? { retryAfterSeconds: seconds } : {}),
    ...(status.codeElsewhere && seconds > 0 ? { sentElsewhere: true as const } : {}),
  };
}

export type AuthorizeResult = { ok: true; applicantId: string; phone: string; row: VerificationRow; reusable: VerificationRow[] } | { ok: false; errors: AuthorizeErrors; triesLeft?: number };

export async function authorizeApplicant(ctx: FlowContext, row: VerificationRow, input: AuthorizeInput): Promise<AuthorizeResult> {
  const errors: AuthorizeErrors = {};
  const phone = mobileNumber.safeParse(input.phone, { reportInput: true });
  if (!phone.success) errors.phone = firstIssueCode(phone.error);
  if (!/^\d{6}$/.test(input.code.trim())) errors.code = input.code.trim() === "" ? "required" : "code_format";
  if (!input.consent) errors.consent = "consent_required";
  if (!phone.success || Object.keys(errors).length > 0) return { ok: false, errors };

  const { outcome, evidence: checked } = await checkCode(ctx, row, phone.data, SIGN_IN.purpose, input.code.trim());
  if (!outcome.ok) {
    // Most likely the code that came for another verification, typed here.
    const reason = outcome.reason === "no_code" && (await codeStatus(ctx, row, phone.data, SIGN_IN.purpose)).codeElsewhere ? "code_for_elsewhere" : outcome.reason;
    return { ok: false, errors: { code: reason }, triesLeft: outcome.triesLeft };
  }

  const [phoneHash, applicantId] = await Promise.all([ctx.cipher.hash("phone", phone.data), applicantIdFor(ctx.cipher, phone.data)]);
  // A verification belongs to the first account that signs in to it: another phone holding the
  // link must not take it over (and with it, what the applicant typed).
  if (row.applicantId && row.applicantId !== applicantId) return { ok: false, errors: { phone: "another_applicant" } };
  const consent = await consentRecord(ctx, row.id, applicantId, "app_authorization");
  // One round trip: the account, the consent, the code's evidence, the change, and what the next
  // page needs to know (earlier verifications the applicant may reuse).
  const ch = beginChange(ctx.db, row, ctx.now);
  alongside(ch, [() => applicantUpsert(ctx.db, { id: applicantId, phoneHash, phoneMasked: maskPhone(phone.data), createdAt: ctx.now }), (guard) => guardedConsentInsert(ctx.db, consent, guard)]);
  evidence(ch, [checked]);
  set(ch, { applicantId });
  note(ch, {
    type: "applicant.authorized",
    actor: "applicant",
    data: { applicant_id: applicantId, consent_id: consent.id, consent_kind: consent.kind, text_version: consent.textVersion, text_hash: consent.textHash },
  });
  const written = await writeThenRead(ch, reuseCandidates(ctx, row, applicantId));
  if (!written.ok) return { ok: false, errors: { code: "conflict" } };
  return { ok: true, applicantId, phone: phone.data, row: written.row, reusable: written.read };
}

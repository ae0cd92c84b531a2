// The signature: the legal representative, verified, reads the letter and signs it with an SMS
// code sent to the phone they verified with (the one they signed in to their own verification
// with, proven by its code), or declines. Signed: the PDF is made, kept in R2, and the flow's last
// step passes, so the organization is verified in the same write that records the letter's hashes.
import { toHex } from "../crypto/encoding";
import { letterBytes } from "../domain/authorization/letter-bytes";
import { SIGNATURE_STEP } from "../domain/authorization/record";
import { maskPhone } from "../domain/masking";
import { getVerificationForApplicant, type VerificationRow } from "../db/verifications";
import { applicantIdFor } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import { clientFacts, type InvitationSessionFound } from "../flow/invitation";
import { beginChange, evidence, move, set, write } from "../flow/writer";
import { firstIssueCode, mobileNumber } from "../schemas/identifiers";
import type { LegalRepPage } from "../../views/invitation/model";
import { checkCode, type CodeUse, codeStatus, sendCode } from "../flow/sms";
import { aboutOf } from "./legal-rep";
import { letterOf, operatorPhoneOf } from "./letter-facts";

export const SIGNING_CODE: CodeUse = { purpose: "authorization_signing", text: "签署企业实名认证授权书" };

/** What the signing form posted: the phone when the page had to ask for it, the code, the hash of the letter shown. */
export interface SigningInput {
  /** The phone the legal representative's own session carries (their sign-in there), if this browser has it. */
  sessionPhone: string | null;
  typedPhone: string;
  code?: string;
  shownLetterSha256?: string;
}

type PhoneChoice = { ok: true; phone: string } | { ok: false; error: string };

/** The phone the code goes to: it must be the one the legal representative's own verification belongs to. */
async function signingPhone(ctx: FlowContext, child: VerificationRow | null, input: SigningInput): Promise<PhoneChoice> {
  if (!child?.applicantId) return { ok: false, error: "not_your_phone" };
  if (input.sessionPhone && (await applicantIdFor(ctx.cipher, input.sessionPhone)) === child.applicantId) return { ok: true, phone: input.sessionPhone };
  const typed = mobileNumber.safeParse(input.typedPhone.trim(), { reportInput: true });
  if (!typed.success) return { ok: false, error: firstIssueCode(typed.error) };
  return (await applicantIdFor(ctx.cipher, typed.data)) === child.applicantId ? { ok: true, phone: typed.data } : { ok: false, error: "not_your_phone" };
}

/** The legal representative's own verification, once they started it. */
export const childOf = (ctx: FlowContext, row: InvitationSessionFound["row"]) =>
  row.authorization?.legalRepVerificationId ? getVerificationForApplicant(ctx.db, row.authorization.legalRepVerificationId).then((r) => r ?? null) : Promise.resolve(null);

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
}

/** The letter page: the letter as it would be signed now, and where its code goes. */
export async function letterPage(
  ctx: FlowContext,
  found: InvitationSessionFound,
  input: SigningInput,
  child: VerificationRow | null,
  shown: Partial<Extract<LegalRepPage, { kind: "letter" }>> = {},
): Promise<LegalRepPage> {
  const operatorPhone = await operatorPhoneOf(ctx, found.row);
  const about = await aboutOf(ctx, found.row, operatorPhone);
  const built = await letterOf(ctx, found.row, ctx.now, operatorPhone);
  if (!built.ok) return { kind: "letter_unavailable", about, characters: [] };
  const { lettersMissing } = await import("../authorization-letter/make");
  const missing = await lettersMissing(ctx.env.ASSETS, built.letter);
  if (missing.length > 0) return { kind: "letter_unavailable", about, characters: missing };
  const known = input.sessionPhone && child?.applicantId && (await applicantIdFor(ctx.cipher, input.sessionPhone)) === child.applicantId ? input.sessionPhone : null;
  const status = known ? await codeStatus(ctx, found.row, known, SIGNING_CODE.purpose) : null;
  return {
    kind: "letter",
    about,
    letter: built.letter,
    letterSha256: await sha256Hex(letterBytes(built.letter)),
    phoneMasked: known ? maskPhone(known) : null,
    codeSent: status?.codeLive ?? false,
    resendInSeconds: status ? Math.ceil(status.nextSendInMs / 1000) : 0,
    errors: {},
    ...shown,
  };
}

export async function sendSigningCode(ctx: FlowContext, found: InvitationSessionFound, input: SigningInput): Promise<{ page: LegalRepPage; status: 200 | 422 }> {
  const child = await childOf(ctx, found.row);
  const phone = await signingPhone(ctx, child, input);
  if (!phone.ok) return { page: await letterPage(ctx, found, input, child, { phone: input.typedPhone, errors: { sign_phone: phone.error } }), status: 422 };
  const sent = await sendCode(ctx, found.row, phone.phone, SIGNING_CODE);
  const withPhone = { ...input, sessionPhone: phone.phone };
  if (!sent.ok) {
    const page = await letterPage(ctx, found, withPhone, child, { errors: { sign_code: sent.reason }, ...(sent.retryAfterSeconds ? { resendInSeconds: sent.retryAfterSeconds } : {}) });
    return { page, status: 422 };
  }
  return { page: await letterPage(ctx, found, withPhone, child, { phone: phone.phone }), status: 200 };
}

export type SignOutcome = { kind: "signed" } | { kind: "page"; page: LegalRepPage; status: 422 } | { kind: "stale" };

export async function signLetter(ctx: FlowContext, found: InvitationSessionFound, input: SigningInput): Promise<SignOutcome> {
  const { row } = found;
  const record = row.authorization;
  if (!record || row.state.kind !== "step" || row.state.step !== SIGNATURE_STEP) return { kind: "stale" };
  const [child, operatorPhone] = await Promise.all([childOf(ctx, row), operatorPhoneOf(ctx, row)]);
  const phone = await signingPhone(ctx, child, input);
  const again = async (shown: Partial<Extract<LegalRepPage, { kind: "letter" }>>): Promise<SignOutcome> => ({
    kind: "page",
    page: await letterPage(ctx, found, phone.ok ? { ...input, sessionPhone: phone.phone } : input, child, { phone: input.typedPhone, ...shown }),
    status: 422,
  });
  if (!phone.ok) return again({ errors: { sign_phone: phone.error } });
  const code = (input.code ?? "").trim();
  if (!/^\d{6}$/.test(code)) return again({ errors: { sign_code: code === "" ? "required" : "code_format" } });

  const built = await letterOf(ctx, row, ctx.now, operatorPhone);
  if (!built.ok) return again({});
  const letterSha256 = await sha256Hex(letterBytes(built.letter));
  // The letter signed is the letter read: one dated another day (read before midnight) is shown again.
  if (input.shownLetterSha256 !== letterSha256) return again({ errors: { sign_code: "letter_changed" } });
  const { outcome, evidence: checked } = await checkCode(ctx, row, phone.phone, SIGNING_CODE.purpose, code);
  if (!outcome.ok) return again({ errors: { sign_code: outcome.reason }, ...(outcome.triesLeft !== undefined ? { triesLeft: outcome.triesLeft } : {}) });

  const { makeLetterPdf } = await import("../authorization-letter/make");
  const made = await makeLetterPdf(ctx.env.ASSETS, built.letter, ctx.now);
  if (!made.ok) return { kind: "page", page: { kind: "letter_unavailable", about: await aboutOf(ctx, row, operatorPhone), characters: made.characters }, status: 422 };
  const letterKey = `authorization-letters/${row.id}/${made.pdfSha256}.pdf`;
  await ctx.env.IMAGES.put(letterKey, made.pdf, { httpMetadata: { contentType: "application/pdf" } });

  const ch = beginChange(ctx.db, row, ctx.now);
  evidence(ch, [checked]);
  const signed = {
    template_version: built.letter.templateVersion,
    letter_text_sha256: made.letterSha256,
    letter_pdf_sha256: made.pdfSha256,
    legal_rep_verification_id: record.legalRepVerificationId ?? null,
    ...clientFacts(ctx),
  };
  if (move(ch, { type: "step_passed", step: SIGNATURE_STEP }, { actor: "applicant", data: { role: "legal_representative", authorization: signed } })) return { kind: "stale" };
  set(ch, { authorization: { ...record, signedAt: ctx.now, letterSha256: made.pdfSha256, letterKey } });
  const written = await write(ctx, ch);
  if (!written.ok) {
    // Another request moved the verification first: this PDF was never recorded as signed.
    await ctx.env.IMAGES.delete(letterKey);
    return { kind: "stale" };
  }
  return { kind: "signed" };
}

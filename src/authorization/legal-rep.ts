// The legal representative's side of legal_rep_authorization, on their own phone (or any
// browser), after the link was exchanged for a session: where they stand (a pure read of the row),
// their ID number checked with the business registry when the operator did not give it, their own
// person verification started (a child, by the person methods unchanged), or their decline.
import { maskName } from "../domain/masking";
import { beijingMinute } from "../domain/clock";
import { authorizationStatus, DECLINE_REASON_MAX, ID_MISMATCH, INVITATION_STEP } from "../domain/authorization/record";
import { currentMethodStep } from "../domain/flow/state";
import { orgCheckVerdict } from "../domain/organization/registry-policy";
import { operatorPhoneOf } from "./letter-facts";
import { type ApplicantRow, localeOf } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import { clientFacts, type InvitationSessionFound } from "../flow/invitation";
import { hostedMethod } from "../flow/methods";
import { beginChange, evidence, move, note, set, write } from "../flow/writer";
import { firstIssueCode, residentIdNumber } from "../schemas/identifiers";
import { MAX_FAILED_ATTEMPTS } from "../domain/flow/transition";
import type { InvitationAbout, LegalRepPage } from "../../views/invitation/model";
import { createChildVerification } from "../flow/child-verification";
import { legalRepIdNumberPatch } from "../verifications/legal-rep-id";
import { callEvidence, findingOf } from "../providers/business-registry/finding";

/** `operatorPhone`: operatorPhoneOf's answer (read once per request, and shared with the letter). */
export async function aboutOf(ctx: FlowContext, row: ApplicantRow, operatorPhone: string | null): Promise<InvitationAbout> {
  const name = row.personNameEnc ? maskName(await ctx.cipher.decrypt(row.personNameEnc)) : null;
  return {
    locale: localeOf(row),
    partner: row.partnerName,
    organization: { name: row.orgName ?? "", credentialCode: row.orgCredentialCode ?? "" },
    legalRepName: row.orgLegalRepNameMasked ?? "",
    operator: name ? { name } : { phone: operatorPhone ?? "" },
    expiresAt: beijingMinute(row.authorization?.expiresAt ?? row.expiresAt),
  };
}

/** Where the legal representative stands, except the letter (src/steps/invitation/signing.ts reads that). */
export function standing(row: ApplicantRow, now: number): "intro" | "verifying" | "signing" | "signed" | "declined" | "not_verified" | "ended" {
  const status = authorizationStatus(row.state, row.authorization, now);
  switch (status) {
    case "not_sent":
    case "sent":
    case "opened":
      return "intro";
    case "verifying":
    case "signing":
    case "signed":
      return status;
    case "declined":
      return currentMethodStep(row.state)?.data?.child_outcome ? "not_verified" : "declined";
    default:
      return "ended";
  }
}

export function introPage(about: InvitationAbout, row: ApplicantRow, typed?: { idNumber: string; error: string; triesLeft?: number }): LegalRepPage {
  return {
    kind: "intro",
    about,
    needsIdNumber: !row.orgLegalRepIdNumberEnc,
    ...(typed ? { idNumber: typed.idNumber, errors: { id_number: typed.error }, ...(typed.triesLeft !== undefined ? { triesLeft: typed.triesLeft } : {}) } : { errors: {} }),
  };
}

export type StartOutcome = { kind: "child"; url: string } | { kind: "page"; page: LegalRepPage; status: 200 | 422 } | { kind: "stale" };

/**
 * The legal representative begins: their ID number (when the operator did not give it) checked
 * with the registry in the 4-element check, which must match; then their own person verification.
 */
export async function startOwnVerification(ctx: FlowContext, found: InvitationSessionFound, typedIdNumber: string): Promise<StartOutcome> {
  const { row } = found;
  const record = row.authorization;
  const method = hostedMethod(row.method ?? "");
  if (!record || !method?.child || standing(row, ctx.now) !== "intro") return standing(row, ctx.now) === "verifying" ? childOutcome(row) : { kind: "stale" };
  const ch = beginChange(ctx.db, row, ctx.now);
  if (!row.orgLegalRepIdNumberEnc) {
    const about = await aboutOf(ctx, row, await operatorPhoneOf(ctx, row));
    const parsed = residentIdNumber.safeParse(typedIdNumber.trim(), { reportInput: true });
    if (!parsed.success) return { kind: "page", page: introPage(about, row, { idNumber: typedIdNumber, error: firstIssueCode(parsed.error) }), status: 422 };
    const legalRepName = row.orgLegalRepNameEnc ? await ctx.cipher.decrypt(row.orgLegalRepNameEnc) : "";
    const input = { org_name: row.orgName ?? "", credential_code: row.orgCredentialCode ?? "", legal_rep_name: legalRepName, legal_rep_id_number: parsed.data };
    const answer = await ctx.providers.businessRegistry.check({ name: input.org_name, credentialCode: input.credential_code, legalRepName, legalRepIdNumber: parsed.data });
    evidence(ch, [{ type: "provider.call", actor: "system", data: { ...callEvidence(answer), by: "legal_representative" } }]);
    const verdict = orgCheckVerdict(findingOf(answer));
    if (verdict.kind === "refused" && answer.outcome === "unavailable") {
      await write(ctx, ch);
      return { kind: "page", page: introPage(about, row, { idNumber: parsed.data, error: "provider_unavailable" }), status: 422 };
    }
    if (verdict.kind !== "passed") {
      const tries = (record.idNumberTries ?? 0) + 1;
      const declined = tries >= MAX_FAILED_ATTEMPTS;
      set(ch, { authorization: { ...record, idNumberTries: tries, ...(declined ? { declinedAt: ctx.now, declineReason: ID_MISMATCH } : {}) } });
      note(ch, { type: declined ? "authorization.declined" : "authorization.id_number_mismatch", actor: "system", data: { tries } });
      const written = await write(ctx, ch);
      if (!written.ok) return { kind: "stale" };
      if (declined) return { kind: "page", page: { kind: "declined", about }, status: 422 };
      return { kind: "page", page: introPage(about, written.row, { idNumber: parsed.data, error: "legal_rep_id_mismatch", triesLeft: MAX_FAILED_ATTEMPTS - tries }), status: 422 };
    }
    set(ch, await legalRepIdNumberPatch(ctx.cipher, parsed.data));
  }
  // The child is about the legal representative as checked: the row as this change leaves it.
  const child = await createChildVerification(ctx, ch.row, method.child, undefined);
  if (
    move(
      ch,
      { type: "step_data", step: INVITATION_STEP, data: { child_id: child.id, role: method.child.role } },
      { actor: "system", label: "child.created", data: { child_id: child.id, role: method.child.role } },
    )
  ) {
    return { kind: "stale" };
  }
  set(ch, { authorization: { ...record, legalRepVerificationId: child.id } });
  const written = await write(ctx, ch);
  return written.ok ? { kind: "child", url: `/v/${child.id}` } : { kind: "stale" };
}

function childOutcome(row: ApplicantRow): StartOutcome {
  const id = row.authorization?.legalRepVerificationId;
  return id ? { kind: "child", url: `/v/${id}` } : { kind: "stale" };
}

/** One tap, and an optional reason: the method ends (not the verification), and the operator is told. */
export async function declineInvitation(ctx: FlowContext, found: InvitationSessionFound, reason: string): Promise<boolean> {
  const { row } = found;
  const where = standing(row, ctx.now);
  if (!row.authorization || (where !== "intro" && where !== "verifying" && where !== "signing")) return false;
  const words = reason
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .trim()
    .slice(0, DECLINE_REASON_MAX);
  const ch = beginChange(ctx.db, row, ctx.now);
  set(ch, { authorization: { ...row.authorization, declinedAt: ctx.now, ...(words ? { declineReason: words } : {}) } });
  note(ch, { type: "authorization.declined", actor: "applicant", data: { role: "legal_representative", with_reason: words !== "", ...clientFacts(ctx) } });
  return (await write(ctx, ch)).ok;
}

// Decides which step the applicant sees, from the stored verification and their session alone,
// so a reload, a second tab or a plain GET after a POST always lands on the same screen.
import { findReusableVerifications } from "../db/applicants";
import type { VerificationRow } from "../db/verifications";
import { DAY, iso } from "../domain/clock";
import { MAX_FAILED_ATTEMPTS } from "../domain/verification/machine";
import { effectiveStatus } from "../domain/verification/status";
import { maskPhone } from "../domain/masking";
import { findMethod } from "../methods";
import type { FieldName } from "../methods/fields";
import type { StepBase, StepView } from "../../views/steps/model";
import type { Locale } from "../../views/messages";
import type { ApplicantSession } from "./applicant-session";
import type { HostedContext } from "./context";
import { desktopHandoff } from "./handoff";
import { openPending } from "./pending";
import { prefilledMasks, withoutPrefilled } from "./prefill";
import { resultTokenFor } from "../tokens/result-token";
import { returnUrl } from "./return-url";

export type ApplicantRow = VerificationRow & { partnerName: string };

// A verification older than this is not offered for reuse: identities change (new ID cards, phones).
export const REUSE_WINDOW = 365 * DAY;

export interface StepFlags {
  choose?: boolean;
  edit?: boolean;
  /** Reuse candidates already read with the write that led here (sign-in), to save a round trip. */
  reusable?: VerificationRow[];
}

/** The read of reuse candidates, unexecuted, so sign-in can put it in its write's batch. */
export function reuseCandidates(ctx: HostedContext, row: Pick<VerificationRow, "id" | "livemode" | "methods">, applicantId: string) {
  return findReusableVerifications(ctx.db, { applicantId, livemode: row.livemode, excludeId: row.id, methods: row.methods, verifiedAfter: ctx.now - REUSE_WINDOW });
}

/**
 * The applicant's latest verification this one may reuse: same mode, an allowed method, within a
 * year, and at least what this partner asked for (an earlier check without ID photos cannot stand
 * in for one that requires them).
 */
export async function reusableVerification(ctx: HostedContext, row: ApplicantRow, applicantId: string, read?: VerificationRow[]) {
  const candidates = read ?? (await reuseCandidates(ctx, row, applicantId));
  const wanted = Object.entries(row.options).filter(([, on]) => on).map(([name]) => name);
  return candidates.find((c) => wanted.every((name) => c.options[name])) ?? null;
}

export function stepBase(row: ApplicantRow): StepBase {
  return { locale: localeOf(row), verificationId: row.id, partnerName: row.partnerName };
}

export function localeOf(row: Pick<VerificationRow, "locale">): Locale {
  return row.locale === "en" ? "en" : "zh-CN";
}

export function personMethods(row: VerificationRow): string[] {
  return row.methods.filter((m) => findMethod(m)?.person);
}

export async function currentStep(ctx: HostedContext, row: ApplicantRow, session: ApplicantSession | null, flags: StepFlags = {}): Promise<StepView> {
  const base = stepBase(row);
  const status = effectiveStatus(row, ctx.now);
  // Without the applicant's session, only the outcome: the masked identity and the signed token
  // belong to whoever signed in, not to anyone who holds the link.
  if (status === "verified" || status === "failed") return resultStep(row, status, session ? await resultTokenFor(ctx, ctx.origin, row) : null);
  if (!session) return { ...base, kind: "authorize", type: row.type, errors: {} };

  const pending = await openPending(ctx.cipher, row);
  if (row.step === "awaiting_code" && pending?.phone && !flags.edit && !flags.choose) {
    return { ...base, kind: "code", method: pending.method, maskedPhone: maskPhone(pending.phone) };
  }
  if (row.step === "awaiting_phone" && pending && !flags.choose) {
    const handoff = await desktopHandoff(ctx, row, ctx.origin);
    return {
      ...base,
      kind: "continue_on_phone",
      method: pending.method,
      canChangeMethod: personMethods(row).length > 1,
      handoff: { state: handoff.record.state, link: handoff.link, lastFailure: handoff.record.lastFailure, purpose: handoff.record.purpose },
      alipay: ctx.providers.alipayFace !== null,
    };
  }
  if (row.step === "awaiting_id_images" && pending && !flags.choose) {
    const handoff = await desktopHandoff(ctx, row, ctx.origin, { purpose: "id_capture" });
    return {
      ...base,
      kind: "id_photos",
      errors: {},
      attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
      handoff: { state: handoff.record.state, link: handoff.link, lastFailure: handoff.record.lastFailure },
    };
  }
  if (!row.method && row.step !== "reuse_declined") {
    const previous = await reusableVerification(ctx, row, session.applicantId, flags.reusable);
    if (previous) {
      return {
        ...base,
        kind: "reuse",
        previous: { name: previous.personNameMasked, idNumber: previous.personIdNumberMasked, method: previous.method ?? "", verifiedAt: iso(previous.completedAt)!.slice(0, 10) },
      };
    }
  }
  const methods = personMethods(row);
  const chosen = row.method ?? (methods.length === 1 ? methods[0] : undefined);
  if (flags.choose || !chosen) return { ...base, kind: "choose_method", methods };
  return methodFormStep(ctx, row, chosen, pending);
}

/** The method's form; `pending`, when it is this method's, fills in what the applicant typed before. */
export async function methodFormStep(ctx: HostedContext, row: ApplicantRow, method: string, pending: Awaited<ReturnType<typeof openPending>>): Promise<Extract<StepView, { kind: "method_form" }>> {
  const flow = findMethod(method)?.person;
  const fields = flow?.fields(row.options) ?? [];
  // Back to edit what this applicant typed: their own values. What the partner pre-filled stays
  // masked either way, even once it went through the checks.
  const own = pending && pending.method === method;
  const typed: Partial<Record<FieldName, string>> = own
    ? { name: pending.name, id_number: pending.idNumber, phone: pending.phone, card_number: pending.cardNumber, valid_from: pending.validFrom, valid_to: pending.validTo }
    : {};
  const fromPartner = new Set<FieldName>(own ? ((pending.prefilled ?? []) as FieldName[]) : []);
  return {
    ...stepBase(row),
    kind: "method_form",
    method,
    fields,
    values: withoutPrefilled(typed, fromPartner),
    prefilled: prefilledMasks(row, own ? [...fromPartner] : fields),
    errors: {},
    attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
    canChangeMethod: personMethods(row).length > 1,
  };
}

/** `token` is the signed result for the signed-in applicant to carry back; without it, the outcome alone. */
function resultStep(row: ApplicantRow, status: "verified" | "failed", token: string | null): StepView {
  return {
    ...stepBase(row),
    kind: "result",
    status,
    ...(row.failureReason && status === "failed" ? { reason: row.failureReason } : {}),
    ...(status === "verified" && token ? { summary: { name: row.personNameMasked, idNumber: row.personIdNumberMasked } } : {}),
    ...(row.redirectUrl ? { returnUrl: returnUrl(row.redirectUrl, { id: row.id, status }, token ? { token } : {})! } : {}),
  };
}

// A person method's desktop actions: submit the form (registry checks, then an SMS code or the
// phone step), confirm the code, send a new code. Every provider call and attempt is an event;
// provider faults never count as attempts and lose nothing typed.
import type { SQL } from "drizzle-orm";
import { appendEvents, eventInsert, getVerificationForApplicant, updateVerification } from "../db/verifications";
import { maskPhone } from "../domain/masking";
import type { CodePurpose } from "../domain/sms/code";
import { findMethod } from "../methods";
import type { ProviderCall } from "../methods/method";
import { applyEvent, type Folded, foldEvent } from "../verifications/apply";
import type { HostedContext } from "./context";
import type { ApplicantRow } from "./current-step";
import { type FieldErrorCodes, type FormValues, parseMethodForm } from "./parse-form";
import { openPending, sealPending, verifiedIdentity } from "./pending";
import { fillPrefilled, withoutPrefilled } from "./prefill";
import { checkCode, issueAndSend, sendCode } from "./sms-code";

export type SubmitResult =
  | { kind: "invalid"; errors: FieldErrorCodes; values: FormValues }
  | { kind: "retry"; reason: string; values: FormValues; row: ApplicantRow }
  | { kind: "code_sent"; row: ApplicantRow; maskedPhone: string }
  | { kind: "code_not_sent"; reason: string; retryAfterSeconds?: number; maskedPhone: string; row: ApplicantRow }
  | { kind: "phone_step"; row: ApplicantRow }
  | { kind: "ended"; row: ApplicantRow }
  | { kind: "error"; error: string };

const withPartner = (row: ApplicantRow) => (next: Omit<ApplicantRow, "partnerName">): ApplicantRow => ({ ...next, partnerName: row.partnerName });

/** The evidence of a check's provider calls, in one D1 round trip. */
export function recordCalls(ctx: HostedContext, row: ApplicantRow, calls: ProviderCall[]) {
  return appendEvents(ctx.db, row, calls.map((call) => ({ type: "provider.call", actor: "system", data: { ...call } })), ctx.now);
}

export async function submitMethodForm(ctx: HostedContext, row: ApplicantRow, method: string, form: FormData): Promise<SubmitResult> {
  const flow = findMethod(method)?.person;
  if (!flow || !row.methods.includes(method)) return { kind: "error", error: "method_not_allowed" };
  if (form.get("valid_to_long_term") === "yes") form.set("valid_to", "long_term");
  const fields = flow.fields(row.options);
  const filled = await fillPrefilled(ctx.cipher, row, fields, form);
  const parsed = await parseMethodForm(fields, form);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors, values: withoutPrefilled(parsed.values, filled) };
  const typed = withoutPrefilled(parsed.values, filled);

  // The method starts with its first form; that move rides in the write of the check's outcome,
  // with the evidence of every provider call, so a submission costs one write, not three.
  let current = row;
  let starting: Folded | null = null;
  if (row.method !== method || row.status !== "in_progress") {
    const started = foldEvent(ctx.db, row, { type: "start", method }, "applicant", ctx.now);
    if (!started.ok) return { kind: "error", error: started.error };
    starting = started.folded;
    current = withPartner(row)(started.folded.row);
  }
  const result = await flow.check(ctx.providers, parsed.input, row.options);
  const evidence = result.calls.map((call) => eventInsert(ctx.db, row, { type: "provider.call", actor: "system", data: { ...call } }, ctx.now));
  const items = (guard: SQL) => [...(starting?.items(guard) ?? []), ...evidence];
  if (result.kind === "unavailable") {
    // A vendor fault is no attempt: the method starts (so a reload comes back to its form, and
    // whatever another method left waiting is cleared) and the evidence stays, after the start.
    if (!starting) await recordCalls(ctx, row, result.calls);
    else {
      const patch = { ...starting.patch, step: null, pendingEnc: null, updatedAt: ctx.now };
      const event = { type: "method.checks_unavailable", actor: "system" as const, data: { method } };
      if (!(await updateVerification(ctx.db, row, patch, event, items))) return { kind: "error", error: "conflict" };
      return { kind: "retry", reason: "provider_unavailable", values: typed, row: { ...current, ...patch, version: row.version + 1 } };
    }
    return { kind: "retry", reason: "provider_unavailable", values: typed, row };
  }
  if (result.kind === "rejected") {
    const failed = await applyEvent(ctx, current, { type: "attempt_failed", reason: result.reason }, "system", ctx.now, { patch: { step: null, pendingEnc: null }, extra: items });
    if (!failed.ok) return { kind: "error", error: failed.error };
    const next = withPartner(row)(failed.row);
    return next.status === "failed" ? { kind: "ended", row: next } : { kind: "retry", reason: result.reason, values: typed, row: next };
  }
  const pendingEnc = await sealPending(ctx.cipher, method, parsed.input, [...filled]);
  const nextStep = flow.then === "sms_code" ? "awaiting_code" : "awaiting_phone";
  // The code goes out before the step is written, so its record joins the same write. Sent or
  // not, the applicant lands on the code step (from where a new code can be asked for).
  const sms = flow.then === "sms_code" ? await issueAndSend(ctx, row, parsed.input.phone!, method as CodePurpose) : null;
  const patch = { ...starting?.patch, step: nextStep, pendingEnc, updatedAt: ctx.now };
  const event = { type: "method.checks_passed", actor: "system" as const, data: { method, next: nextStep } };
  if (!(await updateVerification(ctx.db, current, patch, event, (guard) => [...items(guard), ...(sms?.records ?? [])]))) return { kind: "error", error: "conflict" };
  const next = { ...current, ...patch, version: current.version + 1 };
  if (!sms) return { kind: "phone_step", row: next };
  const maskedPhone = maskPhone(parsed.input.phone!);
  const sent = sms.outcome;
  if (!sent.ok) return { kind: "code_not_sent", reason: sent.reason, maskedPhone, row: next, ...(sent.retryAfterSeconds ? { retryAfterSeconds: sent.retryAfterSeconds } : {}) };
  return { kind: "code_sent", row: next, maskedPhone };
}

export type CodeResult =
  | { kind: "verified"; row: ApplicantRow }
  | { kind: "id_photos"; row: ApplicantRow }
  | { kind: "wrong"; error: string; triesLeft: number; maskedPhone: string; row: ApplicantRow }
  | { kind: "resent"; maskedPhone: string; row: ApplicantRow }
  | { kind: "not_resent"; error: string; retryAfterSeconds?: number; maskedPhone: string; row: ApplicantRow }
  | { kind: "ended"; row: ApplicantRow }
  | { kind: "stale" };

export async function confirmCode(ctx: HostedContext, row: ApplicantRow, method: string, code: string): Promise<CodeResult> {
  const pending = await openPending(ctx.cipher, row);
  if (row.step !== "awaiting_code" || !pending?.phone || pending.method !== method) return { kind: "stale" };
  const maskedPhone = maskPhone(pending.phone);
  if (!/^\d{6}$/.test(code.trim())) return { kind: "wrong", error: code.trim() === "" ? "required" : "code_format", triesLeft: 0, maskedPhone, row };
  const { outcome, evidence } = await checkCode(ctx, row, pending.phone, method as CodePurpose, code.trim());
  const checked = eventInsert(ctx.db, row, evidence, ctx.now);
  if (!outcome.ok) {
    // A code consumed a moment ago by another tab: that tab's result is the one to show.
    if (outcome.reason === "no_code" && (await getVerificationForApplicant(ctx.db, row.id))?.step !== "awaiting_code") return { kind: "stale" };
    if (outcome.reason !== "too_many_tries") return { kind: "wrong", error: outcome.reason, triesLeft: outcome.triesLeft, maskedPhone, row };
    const failed = await applyEvent(ctx, row, { type: "attempt_failed", reason: "code_tries_exhausted" }, "system", ctx.now);
    if (!failed.ok) return { kind: "stale" };
    const next = withPartner(row)(failed.row);
    return next.status === "failed" ? { kind: "ended", row: next } : { kind: "wrong", error: "too_many_tries", triesLeft: 0, maskedPhone, row: next };
  }
  if (findMethod(method)?.person?.idPhotosAfterCode?.(row.options)) {
    const patch = { step: "awaiting_id_images", updatedAt: ctx.now };
    const moved = await updateVerification(ctx.db, row, patch, { type: "method.code_confirmed", actor: "applicant", data: { method, next: "awaiting_id_images" } }, [checked]);
    return moved ? { kind: "id_photos", row: { ...row, ...patch, version: row.version + 1 } } : { kind: "stale" };
  }
  const verified = await applyEvent(ctx, row, { type: "verify" }, "applicant", ctx.now, { patch: await verifiedIdentity(ctx.cipher, pending), extra: [checked] });
  // Another tab may have confirmed the same code first: its result stands, and this one is stale.
  return verified.ok ? { kind: "verified", row: withPartner(row)(verified.row) } : { kind: "stale" };
}

export async function resendCode(ctx: HostedContext, row: ApplicantRow, method: string): Promise<CodeResult> {
  const pending = await openPending(ctx.cipher, row);
  if (row.step !== "awaiting_code" || !pending?.phone || pending.method !== method) return { kind: "stale" };
  const maskedPhone = maskPhone(pending.phone);
  const sent = await sendCode(ctx, row, pending.phone, method as CodePurpose);
  if (!sent.ok) return { kind: "not_resent", error: sent.reason, maskedPhone, row, ...(sent.retryAfterSeconds ? { retryAfterSeconds: sent.retryAfterSeconds } : {}) };
  return { kind: "resent", maskedPhone, row };
}

// The SMS code step: entering it sends a code to the phone the method's form named (the phone
// just checked with the carrier or bank); a right code passes the step. Five wrong tries void a
// code; a voided code counts one attempt of the verification. Another tab's confirmation wins.
import { getVerificationForApplicant } from "../../db/verifications";
import { maskPhone } from "../../domain/masking";
import { currentMethodStep } from "../../domain/flow/state";
import { type ApplicantRow, type ApplicantSession, applicantIdFor, localeOf } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { runEffects } from "../../flow/effects";
import { type HostedMethod, hostedMethod } from "../../flow/methods";
import { pendingOf, verifiedIdentity } from "../../flow/pending";
import type { ActionOutcome, StepModule } from "../../flow/steps";
import { alongside, beginChange, evidence, move, note, set, write } from "../../flow/writer";
import type { StepView } from "../../../views/steps/model";
import { checkCode, type CodeUse, codeStatus, issueAndSend, sendCode } from "../../flow/sms";

export const SMS_CODE_STEP = "sms_code";

type CodeView = Extract<StepView, { kind: "code" }>;

function codeUse(name: string, method: HostedMethod): CodeUse {
  return { purpose: name, text: method.sms?.purpose ?? name };
}

function codeView(row: ApplicantRow, method: string, phone: string, extra: Partial<CodeView> = {}): CodeView {
  return { locale: localeOf(row), verificationId: row.id, partnerName: row.partnerName, kind: "code", method, maskedPhone: maskPhone(phone), ...extra };
}

/** The phone this method's code goes to, from its sealed input; null when the row is not at this method's code step. */
async function codeTarget(ctx: FlowContext, row: ApplicantRow, name: string) {
  const at = currentMethodStep(row.state);
  const method = hostedMethod(name);
  if (at?.step !== SMS_CODE_STEP || at.method !== name || !method?.sms) return null;
  const pending = await pendingOf(ctx.cipher, row, name);
  const phone = pending?.input[method.sms.phoneField];
  return pending && phone ? { method, pending, phone } : null;
}

/** What the page must say of the code itself: still valid or not, and when a new one may be asked for. */
async function liveness(ctx: FlowContext, row: ApplicantRow, phone: string, method: string): Promise<Partial<CodeView>> {
  const status = await codeStatus(ctx, row, phone, method);
  return { codeLive: status.codeLive, resendInSeconds: Math.ceil(status.nextSendInMs / 1000) };
}

async function confirm(ctx: FlowContext, row: ApplicantRow, name: string, code: string): Promise<ActionOutcome> {
  const target = await codeTarget(ctx, row, name);
  if (!target) return { kind: "stale" };
  const { method, pending, phone } = target;
  if (!/^\d{6}$/.test(code.trim())) return { kind: "render", view: codeView(row, name, phone, { error: code.trim() === "" ? "required" : "code_format", triesLeft: 0 }), status: 422 };
  const { outcome, evidence: checked } = await checkCode(ctx, row, phone, codeUse(name, method).purpose, code.trim());
  if (!outcome.ok) {
    // A code consumed a moment ago by another tab: that tab's result is the one to show.
    if (outcome.reason === "no_code" && currentMethodStep((await getVerificationForApplicant(ctx.db, row.id))?.state ?? { kind: "start" })?.step !== SMS_CODE_STEP) return { kind: "stale" };
    if (outcome.reason !== "too_many_tries")
      return { kind: "render", view: codeView(row, name, phone, { ...(await liveness(ctx, row, phone, name)), error: outcome.reason, triesLeft: outcome.triesLeft }), status: 422 };
    const ch = beginChange(ctx.db, row, ctx.now);
    if (move(ch, { type: "attempt_failed", reason: "code_tries_exhausted" }, { actor: "system" })) return { kind: "stale" };
    const written = await write(ctx, ch);
    if (!written.ok) return { kind: "stale" };
    if (written.row.status === "failed") return { kind: "moved", row: written.row };
    return { kind: "render", view: codeView(written.row, name, phone, { ...(await liveness(ctx, row, phone, name)), error: "too_many_tries", triesLeft: 0 }), status: 422 };
  }
  const ch = beginChange(ctx.db, row, ctx.now);
  evidence(ch, [checked]);
  const plan = currentMethodStep(row.state)?.plan ?? [];
  const next = plan[plan.indexOf(SMS_CODE_STEP) + 1] ?? "verified";
  if (move(ch, { type: "step_passed", step: SMS_CODE_STEP }, { actor: "applicant", label: "method.code_confirmed", data: { method: name, next } })) return { kind: "stale" };
  if (ch.row.status === "verified") set(ch, await verifiedIdentity(ctx.cipher, pending.input, method.sms?.phoneField));
  await runEffects(ctx, ch, pending.input);
  const written = await write(ctx, ch);
  // Another tab may have confirmed the same code first: its result stands, and this one is stale.
  return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
}

async function resend(ctx: FlowContext, row: ApplicantRow, name: string): Promise<ActionOutcome> {
  const target = await codeTarget(ctx, row, name);
  if (!target) return { kind: "stale" };
  const sent = await sendCode(ctx, row, target.phone, codeUse(name, target.method));
  const live = await liveness(ctx, row, target.phone, name);
  if (!sent.ok)
    return { kind: "render", view: codeView(row, name, target.phone, { ...live, error: sent.reason, ...(sent.retryAfterSeconds ? { retryAfterSeconds: sent.retryAfterSeconds } : {}) }), status: 422 };
  return { kind: "render", view: codeView(row, name, target.phone, { ...live, notice: "sent" }), status: 200 };
}

/** How recent the sign-in code must be to stand for possession of the phone. */
export const SIGN_IN_PROOF_MS = 30 * 60_000;

export async function provenAtSignIn(ctx: Pick<FlowContext, "now" | "cipher">, row: ApplicantRow, session: ApplicantSession, phone: string): Promise<boolean> {
  if (ctx.now - session.signedInAt >= SIGN_IN_PROOF_MS || session.applicantId !== row.applicantId) return false;
  return (await applicantIdFor(ctx.cipher, phone)) === session.applicantId;
}

export const smsCodeStep: StepModule<{ phone: string; live: Partial<CodeView> }> = {
  kind: SMS_CODE_STEP,
  /**
   * The code goes out as the step is entered; its records ride in the write that enters it. When
   * the phone is the one this browser proved at sign-in a moment ago, that code already proved
   * it: no second code, and the step passes with the sign-in named as the proof.
   */
  async enter(ctx, ch, { method, input, session }) {
    const phone = method.sms && input?.[method.sms.phoneField];
    const name = currentMethodStep(ch.row.state)?.method;
    if (!phone || !name || !input) throw new Error("the sms_code step needs a method with an SMS phone field");
    if (session && (await provenAtSignIn(ctx, ch.row, session, phone))) {
      note(ch, { type: "method.phone_proven", actor: "applicant", data: { method: name, by: "app_authorization", signed_in_at: new Date(session.signedInAt).toISOString() } });
      const plan = currentMethodStep(ch.row.state)?.plan ?? [];
      const next = plan[plan.indexOf(SMS_CODE_STEP) + 1] ?? "verified";
      if (move(ch, { type: "step_passed", step: SMS_CODE_STEP }, { actor: "applicant", label: "method.code_confirmed", data: { method: name, next, proven_by: "app_authorization" } }))
        throw new Error("the code step could not pass");
      if (ch.row.status === "verified") set(ch, await verifiedIdentity(ctx.cipher, input, method.sms?.phoneField));
      return undefined;
    }
    const { outcome, records } = await issueAndSend(ctx, ch.base, phone, codeUse(name, method));
    alongside(
      ch,
      records.map((record) => () => record),
    );
    return outcome.ok ? undefined : { error: outcome.reason, ...(outcome.retryAfterSeconds ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}) };
  },
  async read(ctx, row, { at }) {
    const target = await codeTarget(ctx, row, at.method);
    if (!target) throw new Error("the code step without its sealed phone");
    return { phone: target.phone, live: await liveness(ctx, row, target.phone, at.method) };
  },
  view(row, { at }, { phone, live }, notice) {
    return codeView(row, at.method, phone, {
      ...live,
      ...(typeof notice?.error === "string" ? { error: notice.error } : {}),
      ...(typeof notice?.retryAfterSeconds === "number" ? { retryAfterSeconds: notice.retryAfterSeconds } : {}),
    });
  },
  actions: [
    {
      path: "methods/:method/code",
      handle: (ctx, row, _session, form, params) => {
        const name = params.method ?? "";
        const code = form.get("code");
        return form.get("action") === "resend" ? resend(ctx, row, name) : confirm(ctx, row, name, typeof code === "string" ? code : "");
      },
    },
  ],
};

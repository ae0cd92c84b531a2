import { currentMethodStep } from "../../domain/flow/state";
import type { ApplicantRow, ApplicantSession } from "../../flow/applicant";
import { recordConsent } from "../../flow/consent";
import type { FlowContext } from "../../flow/context";
import { runEffects } from "../../flow/effects";
import { formFields, hostedMethod } from "../../flow/methods";
import { type Pending, pendingOf, sealPending } from "../../flow/pending";
import type { ActionOutcome, StepModule } from "../../flow/steps";
import { beginChange, evidence, move, note, set, write } from "../../flow/writer";
import { methodFormView, prefillSources, withReason } from "./view";
import { parseFields } from "../../flow/form/parse";
import { fillPrefilled, withoutPrefilled } from "../../flow/form/prefill";

export const FORM_STEP = "form";

/** Today's date in Beijing (UTC+8), where ID cards' validity dates are counted. */
function beijingToday(now: number): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function submit(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, name: string, form: FormData): Promise<ActionOutcome> {
  const method = hostedMethod(name);
  if (!method || !row.methods.includes(name)) return { kind: "stale" };
  if (form.get("valid_to_long_term") === "yes") form.set("valid_to", "long_term");
  const schema = method.schema(row.options);
  const filled = await fillPrefilled(ctx.cipher, prefillSources(row, name, session), formFields(method, row.options), form);
  const parsed = parseFields(schema, form);
  // What was ticked comes back with every answer, as what was typed does.
  const consented = form.get("consent") === "yes";
  const view = { ...methodFormView(row, name, null, session), consent: consented };
  const unticked = consented ? {} : { consent: "consent_required" };
  if (!parsed.ok) return { kind: "render", view: { ...view, values: withoutPrefilled(parsed.values, filled), errors: { ...parsed.errors, ...unticked } }, status: 422 };
  const crossed = { ...(method.refine?.(parsed.input, beijingToday(ctx.now), row.options) ?? {}), ...unticked };
  if (Object.keys(crossed).length > 0) return { kind: "render", view: { ...view, values: withoutPrefilled(parsed.values, filled), errors: crossed }, status: 422 };
  const typed = withoutPrefilled(parsed.values, filled);
  const again = (r: ApplicantRow) => ({ ...methodFormView(r, name, null, session), consent: true, values: typed });

  // The method starts with its first form (or comes back to it from a later step); that move
  // rides in the write of the check's outcome, with the evidence of every provider call, so a
  // submission costs one write, not three.
  const ch = beginChange(ctx.db, row, ctx.now);
  await recordConsent(ctx, ch, session.applicantId, "method_processing", name);
  const at = currentMethodStep(row.state);
  const refused =
    at?.method === name
      ? at.step === FORM_STEP
        ? null
        : move(ch, { type: "step_back", to: FORM_STEP }, { actor: "applicant" })
      : move(ch, { type: "start", method: name, plan: method.plan(row.options) }, { actor: "applicant" });
  if (refused) return { kind: "stale" };
  const result = await method.check(ctx.providers, parsed.input, row.options);
  evidence(
    ch,
    result.calls.map((call) => ({ type: "provider.call", actor: "system", data: { ...call } })),
  );
  if (result.kind === "unavailable") {
    // A vendor fault is no attempt. A method that starts now still starts (a reload comes back to
    // its form, and whatever another method left waiting is cleared); otherwise only the evidence
    // and the consent (the details did go to the vendor).
    if (ch.row !== row) note(ch, { type: "method.checks_unavailable", actor: "system", data: { method: name } });
    const written = await write(ctx, ch);
    if (!written.ok) return { kind: "stale" };
    return { kind: "render", view: withReason(again(written.row), "provider_unavailable"), status: 422 };
  }
  if (result.kind === "rejected") {
    if (move(ch, { type: "attempt_failed", reason: result.reason }, { actor: "system" })) return { kind: "stale" };
    set(ch, { pendingEnc: null });
    const written = await write(ctx, ch);
    if (!written.ok) return { kind: "stale" };
    if (written.row.status === "failed") return { kind: "moved", row: written.row };
    return { kind: "render", view: withReason(again(written.row), result.reason), status: 422 };
  }
  const next = method.plan(row.options)[1] ?? "verified";
  if (move(ch, { type: "step_passed", step: FORM_STEP }, { actor: "system", label: "method.checks_passed", data: { method: name, next } })) return { kind: "stale" };
  set(ch, { pendingEnc: await sealPending(ctx.cipher, name, parsed.input, [...filled]) });
  // The next step's entry (an SMS code sent, a handoff opened) goes out before the write, so its
  // record joins it. Sent or not, the applicant lands on that step.
  const notice = await runEffects(ctx, ch, parsed.input, session);
  const written = await write(ctx, ch);
  if (!written.ok) return { kind: "stale" };
  return { kind: "moved", row: written.row, ...(notice ? { notice } : {}) };
}

export const formStep: StepModule<Pending | null> = {
  kind: FORM_STEP,
  read: (ctx, row, { at }) => pendingOf(ctx.cipher, row, at.method),
  view: (row, { at, session }, pending) => methodFormView(row, at.method, pending, session),
  actions: [{ path: "methods/:method", handle: (ctx, row, session, form, params) => submit(ctx, row, session, params.method ?? "", form) }],
};

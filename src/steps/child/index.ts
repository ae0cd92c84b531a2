// The awaiting_child step: the method waits on another verification (a person verification by
// the legal representative, a person on a registration's roster). Entering it creates the child,
// for the same partner and mode, naming this verification as its parent and the role it plays;
// the child's end reaches the parent as `child_ended` through the writer and the transition.
import { currentMethodStep, isEnded } from "../../domain/flow/state";
import { MAX_FAILED_ATTEMPTS } from "../../domain/flow/transition";
import { effectiveStatus } from "../../domain/verification/status";
import type { ApplicantSession } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { runEffects } from "../../flow/effects";
import type { ActionOutcome } from "../../flow/steps";
import { offeredMethods } from "../../journey/offered";
import { type ApplicantRow, localeOf } from "../../flow/applicant";
import { hostedMethod } from "../../flow/methods";
import { createChildVerification } from "../../flow/child-verification";
import { findStep, showStep, type StepModule } from "../../flow/steps";
import type { StepView } from "../../../views/steps/model";
import { beginChange, move, write } from "../../flow/writer";
import { getVerificationForApplicant, type VerificationRow } from "../../db/verifications";

export const AWAITING_CHILD_STEP = "awaiting_child";

/** The child's one method started at once, as its applicant would by choosing it (legal_rep_quick's face). */
async function startEmbedded(ctx: FlowContext, child: ApplicantRow, methods: readonly string[], session: ApplicantSession | null) {
  const [only] = methods;
  const method = only ? hostedMethod(only) : undefined;
  if (!only || !method) throw new Error("an embedded child needs its one method");
  const ch = beginChange(ctx.db, child, ctx.now);
  const refused = move(ch, { type: "start", method: only, plan: method.plan(child.options) }, { actor: "system" });
  if (refused) throw new Error(`the embedded child refused its start: ${refused}`);
  await runEffects(ctx, ch, null, session && { ...session, verificationId: child.id });
  const written = await write(ctx, ch);
  if (!written.ok) throw new Error("the embedded child changed while it started");
}

export const childStep: StepModule<{ child: VerificationRow | null; embedded: StepView | null }> = {
  kind: AWAITING_CHILD_STEP,
  async enter(ctx, ch, { method, session }) {
    const child = method.child;
    if (!child) throw new Error("the awaiting_child step needs a method that names its child");
    // Whoever signed in to the parent does the child: no second sign-in.
    const created = await createChildVerification(ctx, ch.row, child, session?.applicantId ?? ch.row.applicantId ?? undefined);
    const refused = move(
      ch,
      { type: "step_data", step: AWAITING_CHILD_STEP, data: { child_id: created.id, role: child.role } },
      { actor: "system", label: "child.created", data: { child_id: created.id, role: child.role } },
    );
    if (refused) throw new Error(`the child step refused its own data: ${refused}`);
    if (child.embedded) await startEmbedded(ctx, { ...created, partnerName: ch.row.partnerName }, child.methods, session);
    return undefined;
  },
  async read(ctx, row, { at, session }) {
    const childId = at.data?.child_id ?? "";
    const child = (childId ? await getVerificationForApplicant(ctx.db, childId) : undefined) ?? null;
    const childAt = child ? currentMethodStep(child.state) : null;
    const step = childAt && hostedMethod(at.method)?.child?.embedded ? findStep(childAt.step) : undefined;
    if (!child || !childAt || !step) return { child, embedded: null };
    // The child's own screen, in the parent's place: its forms and live status are the child's.
    const embedded = await showStep(ctx, step, { ...child, partnerName: row.partnerName }, { at: childAt, session: { ...session, verificationId: child.id }, edit: false });
    return { child, embedded };
  },
  view(row: ApplicantRow, { at }, { child, embedded }) {
    // Done, the child hands back to this page (not its own result).
    if (embedded)
      return embedded.kind === "continue_on_phone" ? { ...embedded, reloadTo: `/v/${row.id}`, canChangeMethod: offeredMethods(row).length > 1, changeMethodUrl: `/v/${row.id}?choose=1` } : embedded;
    return {
      locale: localeOf(row),
      verificationId: row.id,
      partnerName: row.partnerName,
      kind: "awaiting_child",
      method: at.method,
      role: at.data?.role ?? "",
      child: child ? { url: `/v/${child.id}`, status: effectiveStatus(child, Date.now()) } : null,
      attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
      canChangeMethod: offeredMethods(row).length > 1,
    };
  },
  actions: [{ path: "child/restart", handle: (ctx, row, session) => restart(ctx, row, session) }],
};

/** A new child for the same method, once the last one ended without passing (the parent counted it). */
async function restart(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession): Promise<ActionOutcome> {
  const at = currentMethodStep(row.state);
  const method = at ? hostedMethod(at.method) : undefined;
  if (at?.step !== AWAITING_CHILD_STEP || !method?.child) return { kind: "stale" };
  const child = at.data?.child_id ? await getVerificationForApplicant(ctx.db, at.data.child_id) : undefined;
  if (child && !isEnded(child.state)) return { kind: "stale" };
  const ch = beginChange(ctx.db, row, ctx.now);
  if (move(ch, { type: "start", method: at.method, plan: at.plan }, { actor: "applicant", label: "child.restarted" })) return { kind: "stale" };
  await runEffects(ctx, ch, null, session);
  const written = await write(ctx, ch);
  return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
}

export function childOf(row: ApplicantRow): string | null {
  const at = currentMethodStep(row.state);
  return at?.step === AWAITING_CHILD_STEP && hostedMethod(at.method)?.child ? (at.data?.child_id ?? null) : null;
}

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
import type { StepModule } from "../../flow/steps";
import { beginChange, move, write } from "../../flow/writer";
import { createVerification } from "../../verifications/create";
import { getVerificationForApplicant, type VerificationRow } from "../../db/verifications";

export const AWAITING_CHILD_STEP = "awaiting_child";

export const childStep: StepModule<VerificationRow | null> = {
  kind: AWAITING_CHILD_STEP,
  async enter(ctx, ch, { method, session }) {
    const child = method.child;
    if (!child) throw new Error("the awaiting_child step needs a method that names its child");
    const parent = ch.row;
    const person = child.person ? await child.person(parent, ctx.cipher) : undefined;
    const created = await createVerification(
      ctx,
      ctx.cipher,
      { partnerId: parent.partnerId, livemode: parent.livemode },
      {
        type: "person",
        methods: child.methods,
        locale: localeOf(parent),
        options: { collect_id_validity: !!parent.options.collect_id_validity, collect_id_images: !!parent.options.collect_id_images, lock_prefills: !!person },
        ...(person ? { person } : {}),
        parent: { id: parent.id, role: child.role },
        // Whoever signed in to the parent does the child: no second sign-in.
        applicantId: session?.applicantId ?? parent.applicantId ?? undefined,
      },
      ctx.now,
    );
    const refused = move(
      ch,
      { type: "step_data", step: AWAITING_CHILD_STEP, data: { child_id: created.id, role: child.role } },
      { actor: "system", label: "child.created", data: { child_id: created.id, role: child.role } },
    );
    if (refused) throw new Error(`the child step refused its own data: ${refused}`);
    return undefined;
  },
  async read(ctx, _row, { at }) {
    const childId = at.data?.child_id ?? "";
    return (childId ? await getVerificationForApplicant(ctx.db, childId) : undefined) ?? null;
  },
  view(row: ApplicantRow, { at }, child) {
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

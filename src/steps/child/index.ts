// The awaiting_child step: the method waits on another verification (a person verification by
// the legal representative, a person on a registration's roster). Entering it creates the child,
// for the same partner and mode, naming this verification as its parent and the role it plays;
// the child's end reaches the parent as `child_ended` through the writer and the transition.
import { currentMethodStep } from "../../domain/flow/state";
import { type ApplicantRow, localeOf } from "../../flow/applicant";
import { hostedMethod } from "../../flow/methods";
import type { StepModule } from "../../flow/steps";
import { move } from "../../flow/writer";
import { createVerification } from "../../verifications/create";
import { getVerificationForApplicant, type VerificationRow } from "../../db/verifications";

export const AWAITING_CHILD_STEP = "awaiting_child";

export const childStep: StepModule<VerificationRow | null> = {
  kind: AWAITING_CHILD_STEP,
  async enter(ctx, ch, { method }) {
    const child = method.child;
    if (!child) throw new Error("the awaiting_child step needs a method that names its child");
    const parent = ch.row;
    const created = await createVerification(
      ctx,
      ctx.cipher,
      { partnerId: parent.partnerId, livemode: parent.livemode },
      {
        type: "person",
        methods: child.methods,
        locale: localeOf(parent),
        options: { collect_id_validity: !!parent.options.collect_id_validity, collect_id_images: !!parent.options.collect_id_images },
        parent: { id: parent.id, role: child.role },
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
      child: child ? { url: `/v/${child.id}`, status: child.status } : null,
    };
  },
};

export function childOf(row: ApplicantRow): string | null {
  const at = currentMethodStep(row.state);
  return at?.step === AWAITING_CHILD_STEP && hostedMethod(at.method)?.child ? (at.data?.child_id ?? null) : null;
}

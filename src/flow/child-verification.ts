// A child verification: a person verification that a parent's step is made of (the legal
// representative's own, a person on a roster). Created by the awaiting_child step, and by the
// legal representative's invitation (src/authorization) when they start on their own phone.
import type { VerificationRow } from "../db/verifications";
import { createVerification } from "../verifications/create";
import { type ApplicantRow, localeOf } from "./applicant";
import type { FlowContext } from "./context";
import type { ChildPlan } from "./methods";

/**
 * A person verification as the parent's child, for the same partner and mode, naming the parent
 * and the role it plays, about the person the parent fixes (its forms keep that person). Without
 * `applicantId` the first account to sign in to it owns it (a legal representative on their own phone).
 */
export async function createChildVerification(ctx: FlowContext, parent: ApplicantRow, child: ChildPlan, applicantId: string | undefined): Promise<VerificationRow> {
  const person = child.person ? await child.person(parent, ctx.cipher) : undefined;
  return createVerification(
    ctx,
    ctx.cipher,
    { partnerId: parent.partnerId, livemode: parent.livemode },
    {
      type: "person",
      methods: child.methods,
      locale: localeOf(parent),
      options: {
        collect_id_validity: !!parent.options.collect_id_validity,
        collect_id_images: !!parent.options.collect_id_images,
        lock_prefills: !!person,
        ...child.options,
        ...(child.embedded ? { embedded: true } : {}),
      },
      ...(person ? { person } : {}),
      parent: { id: parent.id, role: child.role },
      ...(applicantId ? { applicantId } : {}),
    },
    ctx.now,
  );
}

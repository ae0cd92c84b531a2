// Choosing a method, and answering the reuse question: both are state-machine events.
import { updateVerification } from "../db/verifications";
import { applyEvent, foldEvent } from "../verifications/apply";
import type { HostedContext } from "./context";
import type { ApplicantSession } from "./applicant-session";
import { type ApplicantRow, personMethods, reusableVerification } from "./current-step";

export type ActionResult = { ok: true; row: ApplicantRow } | { ok: false; error: string };

export async function chooseMethod(ctx: HostedContext, row: ApplicantRow, method: string): Promise<ActionResult> {
  if (!personMethods(row).includes(method)) return { ok: false, error: "method_not_allowed" };
  if (row.method === method && row.status === "in_progress" && row.step === null) return { ok: true, row };
  const result = await applyEvent(ctx, row, { type: "start", method }, "applicant", ctx.now, { patch: { step: null, pendingEnc: null } });
  return result.ok ? { ok: true, row: { ...result.row, partnerName: row.partnerName } } : { ok: false, error: result.error };
}

export async function answerReuse(ctx: HostedContext, row: ApplicantRow, session: ApplicantSession, share: boolean): Promise<ActionResult> {
  if (!share) {
    const patch = { step: "reuse_declined", updatedAt: ctx.now };
    const ok = await updateVerification(ctx.db, row, patch, { type: "applicant.reuse_declined", actor: "applicant" });
    return ok ? { ok: true, row: { ...row, ...patch, version: row.version + 1 } } : { ok: false, error: "conflict" };
  }
  // Reuse is offered only before a method is chosen; later, the method's own steps decide.
  if (row.method !== null) return { ok: false, error: "nothing_to_reuse" };
  const previous = await reusableVerification(ctx, row, session.applicantId);
  if (!previous?.method) return { ok: false, error: "nothing_to_reuse" };
  // The start rides in the verify's write: one round trip.
  const started = foldEvent(ctx.db, row, { type: "start", method: previous.method }, "applicant", ctx.now);
  if (!started.ok) return { ok: false, error: started.error };
  const verified = await applyEvent(ctx, started.folded.row, { type: "verify", reused: true }, "applicant", ctx.now, {
    extra: started.folded.items,
    patch: {
      personNameMasked: previous.personNameMasked,
      personIdNumberMasked: previous.personIdNumberMasked,
      personIdNumberHash: previous.personIdNumberHash,
      personPhoneMasked: previous.personPhoneMasked,
      personPhoneHash: previous.personPhoneHash,
    },
    data: { reused_from: previous.id },
  });
  return verified.ok ? { ok: true, row: { ...verified.row, partnerName: row.partnerName } } : { ok: false, error: verified.error };
}

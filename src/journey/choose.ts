// Choosing a method, and answering the reuse question: both are moves of the flow, so a stray
// post (a stale tab, a forged form) that does not fit where the flow stands moves nothing.
import { currentMethodStep } from "../domain/flow/state";
import type { ApplicantRow, ApplicantSession } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import { runEffects } from "../flow/effects";
import { hostedMethod } from "../flow/methods";
import { offeredMethods } from "./offered";
import { beginChange, move, set, write } from "../flow/writer";
import { reusableVerification } from "./reuse";

export type ActionResult = { ok: true; row: ApplicantRow } | { ok: false; error: string };

export async function chooseMethod(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, name: string): Promise<ActionResult> {
  const method = hostedMethod(name);
  if (!method || !offeredMethods(row).includes(name)) return { ok: false, error: "method_not_allowed" };
  const at = currentMethodStep(row.state);
  if (at?.method === name && at.step === at.plan[0]) return { ok: true, row };
  const ch = beginChange(ctx.db, row, ctx.now);
  const refused = move(ch, { type: "start", method: name, plan: method.plan(row.options) }, { actor: "applicant" });
  if (refused) return { ok: false, error: refused };
  // A plan that does not open with a form enters its first step now (a child verification made).
  await runEffects(ctx, ch, null, session);
  const written = await write(ctx, ch);
  return written.ok ? { ok: true, row: written.row } : written;
}

export async function answerReuse(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, choice: string): Promise<ActionResult> {
  const ch = beginChange(ctx.db, row, ctx.now);
  if (choice === "new") {
    const refused = move(ch, { type: "reuse_declined" }, { actor: "applicant", label: "applicant.reuse_declined" });
    if (refused) return { ok: false, error: refused };
    const written = await write(ctx, ch);
    return written.ok ? { ok: true, row: written.row } : written;
  }
  if (choice !== "share") return { ok: false, error: "unknown_choice" };
  const previous = await reusableVerification(ctx, row, session.applicantId);
  if (!previous?.method) return { ok: false, error: "nothing_to_reuse" };
  const refused = move(ch, { type: "verify", method: previous.method, reused: true }, { actor: "applicant", data: { reused_from: previous.id } });
  if (refused) return { ok: false, error: refused };
  set(ch, {
    personNameMasked: previous.personNameMasked,
    personIdNumberMasked: previous.personIdNumberMasked,
    personIdNumberHash: previous.personIdNumberHash,
    personPhoneMasked: previous.personPhoneMasked,
    personPhoneHash: previous.personPhoneHash,
  });
  const written = await write(ctx, ch);
  return written.ok ? { ok: true, row: written.row } : written;
}

// A reviewer's decision on a corporate transfer's stamped letter, applied to the flow: approved,
// the letter part is done (and with the money part done too, the organization is verified);
// rejected, the reason is kept for the operator, who may upload again. It moves only a flow still
// waiting on this very review.
import type { ReviewRow } from "../db/reviews";
import { getVerificationForApplicant } from "../db/verifications";
import { currentMethodStep } from "../domain/flow/state";
import { AFTER_DECISION_MS, type Decision, expiryAround } from "../domain/review/decision";
import { TRANSFER_CONFIRMATION_STEP } from "../domain/transfer/record";
import { beginChange, move, set, type WriteContext, write } from "../flow/writer";
import { withTransfer } from "./moves";

export async function moveLetterFlow(ctx: WriteContext & { now: number }, review: ReviewRow, who: Record<string, string>, decision: Decision) {
  for (let tries = 0; tries < 3; tries++) {
    const flow = await getVerificationForApplicant(ctx.db, review.verificationId);
    const at = flow ? currentMethodStep(flow.state) : null;
    const record = flow?.transfer;
    if (!flow || !record || at?.step !== TRANSFER_CONFIRMATION_STEP || at.data?.review_id !== review.id) return;
    const ch = beginChange(ctx.db, flow, ctx.now);
    const approved = decision.decision === "approve";
    const data = { review_id: review.id, kind: review.kind, decided_by: "person", sha256: record.letter.sha256 ?? null, ...who, ...(approved ? {} : { reason: decision.reason }) };
    // review_rejected as the licence's decision leaves it: the partner's review_decided event reads it.
    const after = { review_id: "", review_rejected: approved ? "" : decision.reason };
    if (move(ch, { type: "step_data", step: TRANSFER_CONFIRMATION_STEP, data: after }, { actor: "staff", label: approved ? "transfer.letter_approved" : "transfer.letter_rejected", data })) return;
    const letter = approved
      ? { status: "approved" as const, ...(record.letter.sha256 ? { sha256: record.letter.sha256 } : {}) }
      : { status: "rejected" as const, reason: decision.reason, ...(record.letter.sha256 ? { sha256: record.letter.sha256 } : {}) };
    set(ch, { expiresAt: expiryAround(flow.expiresAt, ctx.now, AFTER_DECISION_MS) });
    if (withTransfer(ch, { ...record, letter }, "staff")) return;
    if ((await write(ctx, ch)).ok) return;
  }
}

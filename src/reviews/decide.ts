// Applies a reviewer's (or the operator API's) decision on a business licence: the guarded update
// of the review decides who wins, the licence leaves R2 at once, and the organization check moves
// through the flow writer (approve passes it as a person's decision; reject keeps the reason for the
// form). It must never move a flow whose review it did not win.
import { getVerificationForApplicant } from "../db/verifications";
import { decideReviewRow, getReviewAcrossPartners, type ReviewRow } from "../db/reviews";
import { currentPreambleStep } from "../domain/flow/state";
import { AFTER_DECISION_MS, type Decider, type DecideRefusal, type Decision, expiryAround, type RejectReason, flowMoveOf, mayDecide, reasonFits, rejectReasonsOf } from "../domain/review/decision";
import { isOpen } from "../domain/verification/status";
import type { Env } from "../env";
import { withdrawEndedReviews } from "../maintenance/ended-reviews";
import { ORG_CHECK_STEP } from "../flow/types";
import { beginChange, move, set, settleExpiry, type WriteContext, write } from "../flow/writer";
import { moveLetterFlow } from "../transfer/letter-decision";

export interface DecideContext extends WriteContext {
  env: Pick<Env, "WEBHOOKS" | "IMAGES">;
  now: number;
}

/** Who decided, as the evidence names them: a staff member (id and name) or the operator API. */
export type Reviewer = { kind: "staff"; id: string; name: string } | { kind: "api" };

export type DecideResult = { ok: true; review: ReviewRow } | { ok: false; error: "not_found" | DecideRefusal } | { ok: false; error: "reason_not_of_kind"; reasons: readonly RejectReason[] };

export async function decideReview(ctx: DecideContext, id: string, reviewer: Reviewer, decision: Decision): Promise<DecideResult> {
  const review = await getReviewAcrossPartners(ctx.db, id);
  if (!review) return { ok: false, error: "not_found" };
  const by: Decider = reviewer.kind === "staff" ? { kind: "staff", id: reviewer.id } : { kind: "api" };
  const refused = mayDecide(review, by, ctx.now);
  if (refused) return { ok: false, error: refused };
  if (!reasonFits(review.kind, decision)) return { ok: false, error: "reason_not_of_kind", reasons: rejectReasonsOf(review.kind) };
  // An item whose verification ended undecided is withdrawn (the cron would do it within a minute), never decided.
  const read = await getVerificationForApplicant(ctx.db, review.verificationId);
  const flow = read && (await settleExpiry(ctx, read, ctx.now));
  if (!flow || !isOpen(flow.status)) {
    await withdrawEndedReviews(ctx, ctx.now);
    return { ok: false, error: "withdrawn" };
  }
  const row = {
    status: decision.decision === "approve" ? ("approved" as const) : ("rejected" as const),
    decision: decision.decision,
    decidedBy: reviewer.kind === "staff" ? reviewer.id : "operator_api",
    reason: decision.decision === "reject" ? decision.reason : null,
    note: decision.note || null,
  };
  if (!(await decideReviewRow(ctx.db, id, { staffId: reviewer.kind === "staff" ? reviewer.id : null }, row, ctx.now))) {
    // Lost to another decision (or claim) in the meantime: say what stands now.
    const now = await getReviewAcrossPartners(ctx.db, id);
    return { ok: false, error: now?.status === "withdrawn" ? "withdrawn" : now?.status !== "pending" ? "decided" : "claimed_by_other" };
  }
  // The licence is kept only until a person has looked at it (PIPL data minimisation).
  if (review.objectKey) await ctx.env.IMAGES.delete(review.objectKey);
  await moveFlow(ctx, review, reviewer, decision);
  return { ok: true, review: { ...review, ...row, objectKey: null, decidedAt: ctx.now } };
}

/**
 * The decision and the flow's move are two writes (the claim lives on the review, not the
 * verification, so one guard cannot hold both): a decided review whose verification still waits on
 * it (the Worker stopped between them, or three lost races) is moved again by the cron; a second
 * move finds nothing to move.
 */
export async function moveDecidedAgain(ctx: DecideContext, review: ReviewRow, reviewerName: string | null) {
  if (review.status !== "approved" && review.status !== "rejected") return;
  const reviewer: Reviewer = review.decidedBy && review.decidedBy !== "operator_api" ? { kind: "staff", id: review.decidedBy, name: reviewerName ?? "" } : { kind: "api" };
  const decision: Decision =
    review.status === "approved" ? { decision: "approve", note: review.note ?? "" } : { decision: "reject", reason: (review.reason ?? "other") as RejectReason, note: review.note ?? "" };
  await moveFlow(ctx, review, reviewer, decision);
}

async function moveFlow(ctx: DecideContext, review: ReviewRow, reviewer: Reviewer, decision: Decision) {
  if (review.kind === "authorization_letter") return moveLetterFlow(ctx, review, reviewerFacts(reviewer), decision);
  const who = reviewer.kind === "staff" ? { reviewer_id: reviewer.id, reviewer_name: reviewer.name } : { reviewer_id: "operator_api" };
  for (let tries = 0; tries < 3; tries++) {
    const flow = await getVerificationForApplicant(ctx.db, review.verificationId);
    const at = flow ? currentPreambleStep(flow.state) : null;
    // The operator moved on (filled the form again, or the verification ended): nothing to move.
    if (!flow || at?.step !== ORG_CHECK_STEP || at.data?.review_id !== review.id) return;
    const ch = beginChange(ctx.db, flow, ctx.now);
    const data = { review_id: review.id, kind: review.kind, decided_by: "person", ...who };
    const label = decision.decision === "approve" ? "organization.checked" : "organization.review_rejected";
    const extra = decision.decision === "reject" ? { reason: decision.reason } : { basis: "business_licence" };
    if (move(ch, flowMoveOf(decision, ORG_CHECK_STEP), { actor: "staff", label, data: { ...data, ...extra } })) return;
    set(ch, { expiresAt: expiryAround(flow.expiresAt, ctx.now, AFTER_DECISION_MS), ...(decision.decision === "approve" ? { orgCheckedAt: ctx.now } : {}) });
    if ((await write(ctx, ch)).ok) return;
  }
}

function reviewerFacts(reviewer: Reviewer): Record<string, string> {
  return reviewer.kind === "staff" ? { reviewer_id: reviewer.id, reviewer_name: reviewer.name } : { reviewer_id: "operator_api" };
}

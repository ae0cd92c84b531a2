import { describe, expect, it } from "vitest";
import type { FlowState } from "../../../src/domain/flow/state";
import { webhookEventBody, webhookEventFor } from "../../../src/webhooks/events";

const NOW = 1_800_000_000_000;
const plan = ["org_check", "operator_role"];
const inReview: FlowState = { kind: "preamble", step: "org_check", plan, data: { review_id: "rev_1" } };
const base = { id: "ver_1", partnerId: "ptn_1", livemode: false, type: "organization" as const, method: null, reference: "R-1" };
const after = (status: string, state: FlowState) => ({ ...base, status, state });
const bodyOf = (e: ReturnType<typeof webhookEventFor>) => webhookEventBody.parse(JSON.parse(e!.body));

describe("the webhook a move announces", () => {
  it("should announce a review asked for, and its approval with the review's id", () => {
    const asked = webhookEventFor(after("requires_review", inReview), { status: "in_progress", state: { ...inReview, data: {} } }, NOW);
    expect(asked?.type).toBe("verification.requires_review");
    expect(bodyOf(asked).data.review).toBeUndefined();
    const approved = webhookEventFor(after("in_progress", { kind: "preamble", step: "operator_role", plan }), { status: "requires_review", state: inReview }, NOW);
    expect(approved?.type).toBe("verification.review_decided");
    expect(bodyOf(approved).data).toMatchObject({ status: "in_progress", review: { id: "rev_1", decision: "approved", reason: null } });
  });

  it("should announce a rejection with its reason", () => {
    const rejected = webhookEventFor(after("in_progress", { ...inReview, data: { review_id: "", review_rejected: "licence_unreadable" } }), { status: "requires_review", state: inReview }, NOW);
    expect(bodyOf(rejected).data.review).toEqual({ id: "rev_1", decision: "rejected", reason: "licence_unreadable" });
  });

  it("should announce the end, not a decision, when a verification under review is canceled", () => {
    const canceled = webhookEventFor(after("canceled", { kind: "canceled", method: null, at: "org_check" }), { status: "requires_review", state: inReview }, NOW);
    expect(canceled?.type).toBe("verification.canceled");
    expect(bodyOf(canceled).data.review).toBeUndefined();
  });

  it("should announce nothing for an in-method move, and a creation only with no before", () => {
    expect(webhookEventFor(after("in_progress", inReview), { status: "in_progress", state: inReview }, NOW)).toBeNull();
    expect(webhookEventFor(after("in_progress", { kind: "preamble", step: "org_check", plan }), { status: "pending", state: { kind: "start" } }, NOW)).toBeNull();
    expect(webhookEventFor({ ...base, status: "pending" }, null, NOW)?.type).toBe("verification.created");
  });
});

describe("the webhook of a legal representative's authorization", () => {
  const plan = ["invitation", "signature"];
  const invitation: FlowState = { kind: "step", method: "legal_rep_authorization", step: "invitation", plan };
  const record = { invitationId: "INV", expiresAt: NOW + 1000 };
  const withAuth = (status: string, state: FlowState, authorization: typeof record & Record<string, unknown>) => ({ ...base, method: "legal_rep_authorization", status, state, authorization });

  it("should announce the authorization's move while the verification's status stays, with its status and no personal data", () => {
    const opened = webhookEventFor(withAuth("in_progress", invitation, { ...record, openedAt: NOW }), { status: "in_progress", state: invitation, authorization: record }, NOW);
    expect(opened?.type).toBe("verification.authorization_updated");
    expect(bodyOf(opened).data).toMatchObject({ status: "in_progress", authorization: { status: "opened" } });
    const signing = webhookEventFor(
      withAuth("in_progress", { ...invitation, step: "signature" }, record),
      { status: "in_progress", state: { ...invitation, data: { child_id: "ver_c" } }, authorization: record },
      NOW,
    );
    expect(bodyOf(signing).data.authorization).toEqual({ status: "signing" });
  });

  it("should announce the verification's end with the authorization signed, and nothing for a move that changes neither", () => {
    const verified = webhookEventFor(
      withAuth("verified", { kind: "verified", method: "legal_rep_authorization" }, { ...record, signedAt: NOW }),
      { status: "in_progress", state: { ...invitation, step: "signature" }, authorization: record },
      NOW,
    );
    expect(verified?.type).toBe("verification.verified");
    expect(bodyOf(verified).data.authorization).toEqual({ status: "signed" });
    expect(webhookEventFor(withAuth("in_progress", invitation, record), { status: "in_progress", state: invitation, authorization: record }, NOW)).toBeNull();
  });
});

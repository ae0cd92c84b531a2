import { describe, expect, it } from "vitest";
import { AWAITING_REVIEW_MS, CLAIM_MS, claimHolder, expiryAround, flowMoveOf, mayClaim, mayDecide, type ReviewFacts } from "../../../../src/domain/review/decision";

const NOW = 1_800_000_000_000;
const free: ReviewFacts = { status: "pending", claimedBy: null, claimedUntil: null };
const heldByA: ReviewFacts = { status: "pending", claimedBy: "stf_a", claimedUntil: NOW + CLAIM_MS };
const lapsed: ReviewFacts = { status: "pending", claimedBy: "stf_a", claimedUntil: NOW };
const decided: ReviewFacts = { status: "approved", claimedBy: null, claimedUntil: null };

describe("a review's claim and decision", () => {
  it.each([
    ["free, staff", free, { kind: "staff", id: "stf_b" }, "not_claimed"],
    ["held by A, A", heldByA, { kind: "staff", id: "stf_a" }, null],
    ["held by A, B", heldByA, { kind: "staff", id: "stf_b" }, "claimed_by_other"],
    ["lapsed, A", lapsed, { kind: "staff", id: "stf_a" }, "not_claimed"],
    ["free, api", free, { kind: "api" }, null],
    ["held, api", heldByA, { kind: "api" }, "claimed_by_other"],
    ["lapsed, api", lapsed, { kind: "api" }, null],
    ["decided, api", decided, { kind: "api" }, "decided"],
    ["withdrawn, api", { ...free, status: "withdrawn" }, { kind: "api" }, "withdrawn"],
    ["withdrawn, staff holding it", { ...heldByA, status: "withdrawn" }, { kind: "staff", id: "stf_a" }, "withdrawn"],
  ] as const)("should answer mayDecide for %s", (_, review, by, want) => {
    expect(mayDecide(review, by, NOW)).toBe(want);
  });

  it("should keep a verification alive for the review's wait, never shortening it", () => {
    expect(expiryAround(NOW + 3_600_000, NOW, AWAITING_REVIEW_MS)).toBe(NOW + AWAITING_REVIEW_MS);
    expect(expiryAround(NOW + 2 * AWAITING_REVIEW_MS, NOW, AWAITING_REVIEW_MS)).toBe(NOW + 2 * AWAITING_REVIEW_MS);
  });

  it("should see a lapsed claim as none, and let another claim it", () => {
    expect(claimHolder(lapsed, NOW)).toBeNull();
    expect(claimHolder(heldByA, NOW)).toBe("stf_a");
    expect(mayClaim(lapsed, "stf_b", NOW)).toBeNull();
    expect(mayClaim(heldByA, "stf_b", NOW)).toBe("claimed_by_other");
    expect(mayClaim(heldByA, "stf_a", NOW)).toBeNull();
    expect(mayClaim(decided, "stf_a", NOW)).toBe("decided");
  });

  it("should pass the step on approval and keep the reason on rejection", () => {
    expect(flowMoveOf({ decision: "approve", note: "" }, "org_check")).toEqual({ type: "step_passed", step: "org_check" });
    expect(flowMoveOf({ decision: "reject", reason: "licence_unreadable", note: "x" }, "org_check")).toEqual({
      type: "step_data",
      step: "org_check",
      data: { review_id: "", review_rejected: "licence_unreadable" },
    });
  });
});

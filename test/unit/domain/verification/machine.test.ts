import { describe, expect, it } from "vitest";
import { MAX_FAILED_ATTEMPTS, transition, type VerificationState } from "../../../../src/domain/verification/machine";

const NOW = 1_700_000_000_000;
const base: VerificationState = { status: "pending", method: null, methods: ["mobile3", "face"], failedAttempts: 0, expiresAt: NOW + 1000, failureReason: null, completedAt: null };
const started: VerificationState = { ...base, status: "in_progress", method: "mobile3" };

describe("verification state machine", () => {
  it.each([
    ["pending", "start", { type: "start", method: "mobile3" }, "in_progress"],
    ["in_progress", "start another method", { type: "start", method: "face" }, "in_progress"],
    ["in_progress", "verify", { type: "verify" }, "verified"],
    ["pending", "cancel", { type: "cancel" }, "canceled"],
    ["in_progress", "cancel", { type: "cancel" }, "canceled"],
    ["in_progress", "fail", { type: "fail", reason: "x" }, "failed"],
  ] as const)("should move %s on %s to %s", (from, _, event, to) => {
    const state = from === "pending" ? base : started;
    const r = transition(state, event, NOW);
    expect(r.ok && r.state.status).toBe(to);
  });

  it("should refuse a method the partner did not allow", () => {
    expect(transition(base, { type: "start", method: "bankcard4" }, NOW)).toEqual({ ok: false, error: "method_not_allowed" });
  });

  it("should refuse to verify before a method started", () => {
    expect(transition(base, { type: "verify" }, NOW)).toEqual({ ok: false, error: "not_started" });
  });

  it("should count failed attempts and fail on the third", () => {
    let s = started;
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const r = transition(s, { type: "attempt_failed", reason: "name_id_mismatch" }, NOW);
      if (!r.ok) throw new Error("refused");
      expect(r.state).toMatchObject({ status: "in_progress", failedAttempts: i, failureReason: "name_id_mismatch" });
      s = r.state;
    }
    const last = transition(s, { type: "attempt_failed", reason: "card_phone_mismatch" }, NOW);
    expect(last.ok && last.state).toMatchObject({ status: "failed", failedAttempts: 3, failureReason: "card_phone_mismatch", completedAt: NOW });
  });

  it.each(["verified", "failed", "canceled", "expired"] as const)("should refuse every event once %s", (status) => {
    const ended = { ...started, status };
    for (const event of [{ type: "verify" }, { type: "cancel" }, { type: "start", method: "face" }, { type: "attempt_failed", reason: "x" }] as const) {
      expect(transition(ended, event, NOW)).toEqual({ ok: false, error: "not_open" });
    }
  });

  it("should expire only once past expires_at, and refuse other events then", () => {
    expect(transition(base, { type: "expire" }, NOW)).toEqual({ ok: false, error: "not_open" });
    const late = NOW + 1000;
    expect(transition(base, { type: "cancel" }, late)).toEqual({ ok: false, error: "expired" });
    const r = transition(started, { type: "expire" }, late);
    expect(r.ok && r.state).toMatchObject({ status: "expired", completedAt: late });
  });

  it("should clear a failure reason on success", () => {
    const r = transition({ ...started, failureReason: "name_id_mismatch", failedAttempts: 1 }, { type: "verify" }, NOW);
    expect(r.ok && r.state).toMatchObject({ status: "verified", failureReason: null, failedAttempts: 1 });
  });
});

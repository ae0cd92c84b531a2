// The verification state machine: transition(state, event, now) -> result. Pure: it reads no
// clock, env or storage, so every rule here is tested in plain Node. Diagram: machine.md.
import type { VerificationStatus } from "./status";
import { isOpen } from "./status";

export const MAX_FAILED_ATTEMPTS = 3;

export interface VerificationState {
  status: VerificationStatus;
  method: string | null;
  methods: readonly string[];
  failedAttempts: number;
  expiresAt: number;
  failureReason: string | null;
  completedAt: number | null;
}

export type VerificationEvent =
  | { type: "start"; method: string }
  | { type: "attempt_failed"; reason: string }
  | { type: "verify"; reused?: boolean }
  | { type: "fail"; reason: string }
  | { type: "cancel" }
  | { type: "expire" };

export type TransitionError =
  | "not_open" // the verification already ended
  | "expired" // its time ran out: the caller should apply `expire`
  | "method_not_allowed"
  | "not_started";

export type TransitionResult =
  | { ok: true; state: VerificationState; statusChanged: boolean }
  | { ok: false; error: TransitionError };

export function transition(state: VerificationState, event: VerificationEvent, now: number): TransitionResult {
  if (event.type === "expire") {
    if (!isOpen(state.status) || now < state.expiresAt) return { ok: false, error: "not_open" };
    return moved(state, { status: "expired", completedAt: now });
  }
  if (!isOpen(state.status)) return { ok: false, error: "not_open" };
  if (now >= state.expiresAt) return { ok: false, error: "expired" };

  switch (event.type) {
    case "start":
      if (!state.methods.includes(event.method)) return { ok: false, error: "method_not_allowed" };
      return moved(state, { status: "in_progress", method: event.method });
    case "attempt_failed": {
      if (state.status !== "in_progress") return { ok: false, error: "not_started" };
      const failedAttempts = state.failedAttempts + 1;
      if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
        return moved(state, { failedAttempts, status: "failed", failureReason: event.reason, completedAt: now });
      }
      return moved(state, { failedAttempts, failureReason: event.reason });
    }
    case "verify":
      if (state.status !== "in_progress") return { ok: false, error: "not_started" };
      return moved(state, { status: "verified", failureReason: null, completedAt: now });
    case "fail":
      return moved(state, { status: "failed", failureReason: event.reason, completedAt: now });
    case "cancel":
      return moved(state, { status: "canceled", completedAt: now });
  }
}

function moved(state: VerificationState, changes: Partial<VerificationState>): TransitionResult {
  const next = { ...state, ...changes };
  return { ok: true, state: next, statusChanged: next.status !== state.status };
}

// The flow's one mover: transition(flow, event, now) -> { flow, effects } | error. Pure: it reads
// no clock, env or storage, so every (state, event) pair is a row of a table test in plain Node.
// Effects are what the request must do because of the move (send a code, open a handoff, purge
// data, tell a parent); the flow writer runs them and writes the move in one guarded batch.
// Diagram: machine.md beside this file; change both in one commit.
import { type FlowState, type Flow, type MethodStep, type PreambleStep, type StepData, type StepKind, isEnded, methodOf, statusOf } from "./state";
import type { VerificationStatus } from "../verification/status";

export const MAX_FAILED_ATTEMPTS = 3;

export type ChildOutcome = "verified" | "failed" | "canceled" | "expired";

export type FlowEvent =
  /** The applicant chose (or switched to) a method: its first step. `plan` is the method's steps. */
  | { type: "start"; method: string; plan: readonly StepKind[] }
  /**
   * The verification's own steps (an organization's check, who is acting), at `step` of `plan`:
   * first from the start, or back to one of them from the method list or a method (to correct
   * the organization, or say another person acts).
   */
  | { type: "prepare"; plan: readonly StepKind[]; step: StepKind }
  /** Declined to share an earlier verification: the method list instead. */
  | { type: "reuse_declined" }
  /** An earlier verification of the same account stands in for this one. */
  | { type: "verify"; method: string; reused: true }
  /** The current step is done: the plan's next step, or verified after the last. */
  | { type: "step_passed"; step: StepKind }
  /** Back to an earlier step of the plan (e.g. from the ID photos to the form, to fix a date). */
  | { type: "step_back"; to: StepKind }
  /** The current step keeps something of its own (a child verification's id and role). */
  | { type: "step_data"; step: StepKind; data: StepData }
  /** A check said no: counted, and the third ends the verification. */
  | { type: "attempt_failed"; reason: string }
  /** The child verification this step waits on ended. */
  | { type: "child_ended"; childId: string; outcome: ChildOutcome; reason?: string | null }
  | { type: "fail"; reason: string }
  | { type: "cancel" }
  | { type: "expire" };

export type FlowEffect =
  /** Run the step's entry: what it needs before the applicant meets it. */
  | { type: "enter_step"; method: string | null; step: StepKind }
  /** What the previous method left waiting (its sealed input, its handoff) is void. */
  | { type: "leave_method"; method: string }
  /** The verification ended: purge ciphertext, tell the partner, tell a parent. */
  | { type: "ended"; status: Exclude<VerificationStatus, "pending" | "in_progress"> };

export type FlowError =
  | "not_open" // the verification already ended (or, for expire, is not due)
  | "expired" // its time ran out: the caller should apply `expire`
  | "method_not_allowed"
  | "not_started" // the event needs a method in progress
  | "wrong_step" // the event is for another step than the current one
  | "empty_plan"
  | "preamble_first"; // a method may start only once the verification's own steps are done

export type TransitionResult = { ok: true; flow: Flow; effects: FlowEffect[] } | { ok: false; error: FlowError };

export function transition(flow: Flow, event: FlowEvent, now: number): TransitionResult {
  const { state } = flow;
  if (event.type === "expire") {
    if (isEnded(state) || now < flow.expiresAt) return refuse("not_open");
    return end(flow, { kind: "expired", method: methodOf(state), ...stoppedAt(state) }, now);
  }
  if (isEnded(state)) return refuse("not_open");
  if (now >= flow.expiresAt) return refuse("expired");

  switch (event.type) {
    case "start": {
      if (!flow.methods.includes(event.method)) return refuse("method_not_allowed");
      if (!preambleDone(flow)) return refuse("preamble_first");
      const [first] = event.plan;
      if (first === undefined) return refuse("empty_plan");
      const leaving: FlowEffect[] = state.kind === "step" ? [{ type: "leave_method", method: state.method }] : [];
      const next: MethodStep = { kind: "step", method: event.method, step: first, plan: [...event.plan] };
      return moved({ ...flow, state: next }, [...leaving, { type: "enter_step", method: event.method, step: first }]);
    }
    case "prepare": {
      if (!event.plan.includes(event.step)) return refuse("empty_plan");
      const leaving: FlowEffect[] = state.kind === "step" ? [{ type: "leave_method", method: state.method }] : [];
      const next: PreambleStep = { kind: "preamble", step: event.step, plan: [...event.plan] };
      return moved({ ...flow, state: next }, [...leaving, { type: "enter_step", method: null, step: event.step }]);
    }
    case "reuse_declined":
      if (state.kind !== "start") return refuse("wrong_step");
      return moved({ ...flow, state: { kind: "choose_method" } }, []);
    case "verify":
      // Reuse is offered only before a method is chosen; later, the method's own steps decide.
      if (state.kind !== "start" && state.kind !== "choose_method") return refuse("wrong_step");
      if (!preambleDone(flow)) return refuse("preamble_first");
      if (!flow.methods.includes(event.method)) return refuse("method_not_allowed");
      return end(flow, { kind: "verified", method: event.method }, now);
    case "step_passed": {
      if (state.kind === "preamble") {
        if (state.step !== event.step) return refuse("wrong_step");
        const following = state.plan[state.plan.indexOf(state.step) + 1];
        // The preamble done, the applicant chooses among the methods.
        if (following === undefined) return moved({ ...flow, state: { kind: "choose_method" } }, []);
        return moved({ ...flow, state: { kind: "preamble", step: following, plan: state.plan } }, [{ type: "enter_step", method: null, step: following }]);
      }
      if (state.kind !== "step") return refuse("not_started");
      if (state.step !== event.step) return refuse("wrong_step");
      const following = state.plan[state.plan.indexOf(state.step) + 1];
      if (following === undefined) return end(flow, { kind: "verified", method: state.method }, now);
      return moved({ ...flow, state: atStep(state, following) }, [{ type: "enter_step", method: state.method, step: following }]);
    }
    case "step_back": {
      if (state.kind !== "step") return refuse("not_started");
      const to = state.plan.indexOf(event.to);
      if (to < 0 || to >= state.plan.indexOf(state.step)) return refuse("wrong_step");
      return moved({ ...flow, state: atStep(state, event.to) }, [{ type: "enter_step", method: state.method, step: event.to }]);
    }
    case "step_data":
      if (state.kind !== "step" && state.kind !== "preamble") return refuse("not_started");
      if (state.step !== event.step) return refuse("wrong_step");
      return moved({ ...flow, state: { ...state, data: { ...state.data, ...event.data } } }, []);
    case "attempt_failed":
      if (state.kind !== "step" && state.kind !== "preamble") return refuse("not_started");
      return attemptFailed(flow, state, event.reason, now);
    case "child_ended": {
      // A child's end is told once: the step notes it, so telling again (a repair) moves nothing.
      if (state.kind !== "step" || state.data?.child_id !== event.childId || state.data.child_outcome) return refuse("wrong_step");
      if (event.outcome === "verified") return transition(flow, { type: "step_passed", step: state.step }, now);
      // The child used up its own tries (or was dropped): the parent's method counts one.
      return attemptFailed({ ...flow, state: { ...state, data: { ...state.data, child_outcome: event.outcome } } }, state, event.reason ?? `child_${event.outcome}`, now);
    }
    case "fail":
      return end({ ...flow, failureReason: event.reason }, { kind: "failed", method: methodOf(state) }, now);
    case "cancel":
      return end(flow, { kind: "canceled", method: methodOf(state), ...stoppedAt(state) }, now);
  }
}

/**
 * Whether the verification's own steps are behind it: there are none, or the flow has left them
 * for the method list (or a method) and not gone back. The start of a verification with a
 * preamble is before it.
 */
function preambleDone(flow: Flow): boolean {
  if (!flow.preamble?.length) return true;
  return flow.state.kind === "choose_method" || flow.state.kind === "step";
}

/** Where an unfinished verification was left: its step, or the stage before any. */
function stoppedAt(state: FlowState): { at: StepKind } {
  return { at: state.kind === "step" || state.kind === "preamble" ? state.step : state.kind };
}

function attemptFailed(flow: Flow, state: MethodStep | PreambleStep, reason: string, now: number): TransitionResult {
  const failedAttempts = flow.failedAttempts + 1;
  const counted = { ...flow, failedAttempts, failureReason: reason };
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) return end(counted, { kind: "failed", method: methodOf(state) }, now);
  return moved(counted, []);
}

function atStep(state: MethodStep, step: StepKind): MethodStep {
  // Step data belongs to the step that wrote it.
  return { kind: "step", method: state.method, step, plan: state.plan };
}

function end(flow: Flow, state: Extract<FlowState, { kind: "verified" | "failed" | "canceled" | "expired" }>, now: number): TransitionResult {
  const failureReason = state.kind === "verified" ? null : flow.failureReason;
  return moved({ ...flow, state, failureReason, completedAt: now }, [{ type: "ended", status: state.kind }]);
}

function moved(flow: Flow, effects: FlowEffect[]): TransitionResult {
  return { ok: true, flow, effects };
}

function refuse(error: FlowError): TransitionResult {
  return { ok: false, error };
}

/** Whether a move changed the public status (partners hear of some of those). */
export function statusChanged(before: Flow, after: Flow): boolean {
  return statusOf(before.state) !== statusOf(after.state);
}

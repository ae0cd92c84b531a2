// A verification's position, as one typed value stored in one column (`verifications.state`).
// Its public status is derived from it (statusOf), never kept apart from it. Pure data: this
// module must never read a clock, the env or storage.
import type { VerificationStatus } from "../verification/status";

/**
 * A step of a method: `form`, `sms_code`, `handoff`, `id_photos`, `org_check`,
 * `awaiting_child`, `awaiting_payment`, `in_review`, … Steps are registered by name (src/steps),
 * so a method (or a test's fake method) may bring steps of its own without touching the engine.
 */
export type StepKind = string;

/** What a step keeps in the state itself: ids and roles, never personal data. */
export type StepData = Readonly<Record<string, string>>;

export type FlowState =
  /** Created: the applicant has chosen nothing yet (an earlier verification may be offered). */
  | { kind: "start" }
  /** The applicant declined to share an earlier verification: the method list. */
  | { kind: "choose_method" }
  /**
   * Inside a method: `step` of its `plan` (the steps it is made of, fixed when it started, so a
   * method changed by a deploy never strands a verification half-way).
   */
  | { kind: "step"; method: string; step: StepKind; plan: readonly StepKind[]; data?: StepData }
  /**
   * The verification's own steps before any method: an organization's check with the business
   * registry, then who is acting (its plan comes with the verification's type, src/flow/types.ts).
   * Its last step passed, the methods are chosen from.
   */
  | { kind: "preamble"; step: StepKind; plan: readonly StepKind[]; data?: StepData }
  | { kind: "verified"; method: string | null }
  | { kind: "failed"; method: string | null }
  /** `at`: the step it stood at when it was left (the funnel's "where applicants stop"). */
  | { kind: "canceled"; method: string | null; at?: StepKind }
  | { kind: "expired"; method: string | null; at?: StepKind };

export type EndedState = Extract<FlowState, { kind: "verified" | "failed" | "canceled" | "expired" }>;
export type MethodStep = Extract<FlowState, { kind: "step" }>;
export type PreambleStep = Extract<FlowState, { kind: "preamble" }>;

export interface Flow {
  state: FlowState;
  /** The methods the partner allowed. */
  methods: readonly string[];
  /** The verification's own steps before any method (its type's, e.g. an organization's check); none for a person. */
  preamble?: readonly StepKind[];
  failedAttempts: number;
  failureReason: string | null;
  expiresAt: number;
  completedAt: number | null;
}

export const START: FlowState = { kind: "start" };

/**
 * The public status: pending until a method starts, in_progress inside one (requires_review while
 * the step waits on a person's decision: it holds a review), then how it ended.
 */
export function statusOf(state: FlowState): VerificationStatus {
  switch (state.kind) {
    case "start":
    case "choose_method":
      return "pending";
    case "step":
    case "preamble":
      return state.data?.review_id ? "requires_review" : "in_progress";
    default:
      return state.kind;
  }
}

/** The method in use, or the one it ended with. */
export function methodOf(state: FlowState): string | null {
  return state.kind === "start" || state.kind === "choose_method" || state.kind === "preamble" ? null : state.method;
}

export function isEnded(state: FlowState): state is EndedState {
  return state.kind === "verified" || state.kind === "failed" || state.kind === "canceled" || state.kind === "expired";
}

/** The step the applicant stands at, if inside a method. */
export function currentMethodStep(state: FlowState): MethodStep | null {
  return state.kind === "step" ? state : null;
}

/** The step of the verification's own preamble the applicant stands at, if there. */
export function currentPreambleStep(state: FlowState): PreambleStep | null {
  return state.kind === "preamble" ? state : null;
}

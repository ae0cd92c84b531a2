import { describe, expect, it } from "vitest";
import { type Flow, type FlowState, statusOf } from "../../../../src/domain/flow/state";
import { type FlowEvent, MAX_FAILED_ATTEMPTS, transition } from "../../../../src/domain/flow/transition";

const NOW = 1_700_000_000_000;
const PLAN = ["form", "sms_code", "id_photos"] as const;
const PREAMBLE = ["org_check", "operator_role"] as const;

const states = {
  start: { kind: "start" },
  choose_method: { kind: "choose_method" },
  form: { kind: "step", method: "bankcard4", step: "form", plan: PLAN },
  sms_code: { kind: "step", method: "bankcard4", step: "sms_code", plan: PLAN },
  id_photos: { kind: "step", method: "bankcard4", step: "id_photos", plan: PLAN },
  awaiting_child: { kind: "step", method: "legal_rep_personal", step: "awaiting_child", plan: ["awaiting_child"], data: { child_id: "ver_child", role: "legal_representative" } },
  org_check: { kind: "preamble", step: "org_check", plan: PREAMBLE },
  operator_role: { kind: "preamble", step: "operator_role", plan: PREAMBLE },
  verified: { kind: "verified", method: "bankcard4" },
  failed: { kind: "failed", method: "bankcard4" },
  canceled: { kind: "canceled", method: null },
  expired: { kind: "expired", method: null },
} satisfies Record<string, FlowState>;
type StateName = keyof typeof states;

const events = {
  start: { type: "start", method: "mobile3", plan: ["form", "sms_code"] },
  reuse_declined: { type: "reuse_declined" },
  verify: { type: "verify", method: "mobile3", reused: true },
  step_passed_form: { type: "step_passed", step: "form" },
  step_passed_sms_code: { type: "step_passed", step: "sms_code" },
  step_passed_id_photos: { type: "step_passed", step: "id_photos" },
  step_back_form: { type: "step_back", to: "form" },
  step_data: { type: "step_data", step: "awaiting_child", data: { child_id: "ver_child", role: "legal_representative" } },
  attempt_failed: { type: "attempt_failed", reason: "name_id_mismatch" },
  child_verified: { type: "child_ended", childId: "ver_child", outcome: "verified" },
  child_failed: { type: "child_ended", childId: "ver_child", outcome: "failed", reason: "attempts_exhausted" },
  fail: { type: "fail", reason: "fraud" },
  cancel: { type: "cancel" },
  prepare: { type: "prepare", plan: PREAMBLE, step: "org_check" },
  step_passed_org_check: { type: "step_passed", step: "org_check" },
  step_passed_role: { type: "step_passed", step: "operator_role" },
  expire: { type: "expire" },
} satisfies Record<string, FlowEvent>;
type EventName = keyof typeof events;

function flowAt(state: FlowState, extra: Partial<Flow> = {}): Flow {
  return { state, methods: ["mobile3", "bankcard4", "face", "legal_rep_personal"], failedAttempts: 0, failureReason: null, expiresAt: NOW + 1000, completedAt: null, ...extra };
}

/** What each (state, event) pair does: the state it lands in, or the error it is refused with. */
type Expect = { to: string } | { error: string };
const OPEN_EVENTS: EventName[] = [
  "start",
  "reuse_declined",
  "verify",
  "step_passed_form",
  "step_passed_sms_code",
  "step_passed_id_photos",
  "step_back_form",
  "step_data",
  "attempt_failed",
  "child_verified",
  "child_failed",
  "fail",
  "cancel",
  "prepare",
  "step_passed_org_check",
  "step_passed_role",
];

const table: Record<Exclude<StateName, "verified" | "failed" | "canceled" | "expired">, Partial<Record<EventName, Expect>>> = {
  start: {
    start: { to: "step:form" },
    reuse_declined: { to: "choose_method" },
    verify: { to: "verified" },
    step_passed_form: { error: "not_started" },
    step_passed_sms_code: { error: "not_started" },
    step_passed_id_photos: { error: "not_started" },
    step_back_form: { error: "not_started" },
    step_data: { error: "not_started" },
    attempt_failed: { error: "not_started" },
    child_verified: { error: "wrong_step" },
    child_failed: { error: "wrong_step" },
    fail: { to: "failed" },
    cancel: { to: "canceled" },
    prepare: { to: "preamble:org_check" },
    step_passed_org_check: { error: "not_started" },
    step_passed_role: { error: "not_started" },
  },
  choose_method: {
    start: { to: "step:form" },
    reuse_declined: { error: "wrong_step" },
    verify: { to: "verified" },
    step_passed_form: { error: "not_started" },
    step_passed_sms_code: { error: "not_started" },
    step_passed_id_photos: { error: "not_started" },
    step_back_form: { error: "not_started" },
    step_data: { error: "not_started" },
    attempt_failed: { error: "not_started" },
    child_verified: { error: "wrong_step" },
    child_failed: { error: "wrong_step" },
    fail: { to: "failed" },
    cancel: { to: "canceled" },
    prepare: { to: "preamble:org_check" },
    step_passed_org_check: { error: "not_started" },
    step_passed_role: { error: "not_started" },
  },
  form: {
    start: { to: "step:form" },
    reuse_declined: { error: "wrong_step" },
    verify: { error: "wrong_step" },
    step_passed_form: { to: "step:sms_code" },
    step_passed_sms_code: { error: "wrong_step" },
    step_passed_id_photos: { error: "wrong_step" },
    step_back_form: { error: "wrong_step" },
    step_data: { error: "wrong_step" },
    attempt_failed: { to: "step:form" },
    child_verified: { error: "wrong_step" },
    child_failed: { error: "wrong_step" },
    fail: { to: "failed" },
    cancel: { to: "canceled" },
    prepare: { to: "preamble:org_check" },
    step_passed_org_check: { error: "wrong_step" },
    step_passed_role: { error: "wrong_step" },
  },
  sms_code: {
    start: { to: "step:form" },
    reuse_declined: { error: "wrong_step" },
    verify: { error: "wrong_step" },
    step_passed_form: { error: "wrong_step" },
    step_passed_sms_code: { to: "step:id_photos" },
    step_passed_id_photos: { error: "wrong_step" },
    step_back_form: { to: "step:form" },
    step_data: { error: "wrong_step" },
    attempt_failed: { to: "step:sms_code" },
    child_verified: { error: "wrong_step" },
    child_failed: { error: "wrong_step" },
    fail: { to: "failed" },
    cancel: { to: "canceled" },
    prepare: { to: "preamble:org_check" },
    step_passed_org_check: { error: "wrong_step" },
    step_passed_role: { error: "wrong_step" },
  },
  id_photos: {
    start: { to: "step:form" },
    reuse_declined: { error: "wrong_step" },
    verify: { error: "wrong_step" },
    step_passed_form: { error: "wrong_step" },
    step_passed_sms_code: { error: "wrong_step" },
    step_passed_id_photos: { to: "verified" },
    step_back_form: { to: "step:form" },
    step_data: { error: "wrong_step" },
    attempt_failed: { to: "step:id_photos" },
    child_verified: { error: "wrong_step" },
    child_failed: { error: "wrong_step" },
    fail: { to: "failed" },
    cancel: { to: "canceled" },
    prepare: { to: "preamble:org_check" },
    step_passed_org_check: { error: "wrong_step" },
    step_passed_role: { error: "wrong_step" },
  },
  awaiting_child: {
    start: { to: "step:form" },
    reuse_declined: { error: "wrong_step" },
    verify: { error: "wrong_step" },
    step_passed_form: { error: "wrong_step" },
    step_passed_sms_code: { error: "wrong_step" },
    step_passed_id_photos: { error: "wrong_step" },
    step_back_form: { error: "wrong_step" },
    step_data: { to: "step:awaiting_child" },
    attempt_failed: { to: "step:awaiting_child" },
    child_verified: { to: "verified" },
    child_failed: { to: "step:awaiting_child" },
    fail: { to: "failed" },
    cancel: { to: "canceled" },
    prepare: { to: "preamble:org_check" },
    step_passed_org_check: { error: "wrong_step" },
    step_passed_role: { error: "wrong_step" },
  },
  org_check: {
    start: { to: "step:form" },
    reuse_declined: { error: "wrong_step" },
    verify: { error: "wrong_step" },
    step_passed_form: { error: "wrong_step" },
    step_passed_sms_code: { error: "wrong_step" },
    step_passed_id_photos: { error: "wrong_step" },
    step_back_form: { error: "not_started" },
    step_data: { error: "wrong_step" },
    attempt_failed: { to: "preamble:org_check" },
    child_verified: { error: "wrong_step" },
    child_failed: { error: "wrong_step" },
    fail: { to: "failed" },
    cancel: { to: "canceled" },
    prepare: { to: "preamble:org_check" },
    step_passed_org_check: { to: "preamble:operator_role" },
    step_passed_role: { error: "wrong_step" },
  },
  operator_role: {
    start: { to: "step:form" },
    reuse_declined: { error: "wrong_step" },
    verify: { error: "wrong_step" },
    step_passed_form: { error: "wrong_step" },
    step_passed_sms_code: { error: "wrong_step" },
    step_passed_id_photos: { error: "wrong_step" },
    step_back_form: { error: "not_started" },
    step_data: { error: "wrong_step" },
    attempt_failed: { to: "preamble:operator_role" },
    child_verified: { error: "wrong_step" },
    child_failed: { error: "wrong_step" },
    fail: { to: "failed" },
    cancel: { to: "canceled" },
    prepare: { to: "preamble:org_check" },
    step_passed_org_check: { error: "wrong_step" },
    step_passed_role: { to: "choose_method" },
  },
};

const landed = (s: FlowState) => (s.kind === "step" || s.kind === "preamble" ? `${s.kind}:${s.step}` : s.kind);

describe("the verification flow's transition", () => {
  const rows = Object.entries(table).flatMap(([state, byEvent]) => OPEN_EVENTS.map((event) => [state, event, byEvent[event]] as const));

  it("should have a row for every open state and event", () => {
    for (const [state, event, expected] of rows) expect(expected, `${state} × ${event}`).toBeDefined();
  });

  it.each(rows)("should, at %s on %s, do what the table says", (state, event, expected) => {
    const r = transition(flowAt(states[state as keyof typeof table]), events[event], NOW);
    if (expected && "error" in expected) expect(r).toEqual({ ok: false, error: expected.error });
    else expect(r.ok && landed(r.flow.state)).toBe(expected?.to);
  });

  it.each(["verified", "failed", "canceled", "expired"] as const)("should refuse every event once %s", (ended) => {
    for (const event of [...OPEN_EVENTS, "expire"] as EventName[]) {
      expect(transition(flowAt(states[ended]), events[event], NOW + 5000)).toEqual({ ok: false, error: "not_open" });
    }
  });

  it("should refuse a method the partner did not allow, and an empty plan", () => {
    const flow = flowAt(states.start, { methods: ["face"] });
    expect(transition(flow, events.start, NOW)).toEqual({ ok: false, error: "method_not_allowed" });
    expect(transition(flow, events.verify, NOW)).toEqual({ ok: false, error: "method_not_allowed" });
    expect(transition(flowAt(states.start), { type: "start", method: "mobile3", plan: [] }, NOW)).toEqual({ ok: false, error: "empty_plan" });
  });

  it("should enter a method's first step, and leave the method it switches from", () => {
    const first = transition(flowAt(states.start), events.start, NOW);
    expect(first.ok && first.effects).toEqual([{ type: "enter_step", method: "mobile3", step: "form" }]);
    const again = transition(flowAt(states.sms_code), events.start, NOW);
    expect(again.ok && again.effects).toEqual([
      { type: "leave_method", method: "bankcard4" },
      { type: "enter_step", method: "mobile3", step: "form" },
    ]);
    expect(again.ok && again.flow.state).toEqual({ kind: "step", method: "mobile3", step: "form", plan: ["form", "sms_code"] });
  });

  it("should enter the next step of the plan, and end verified after the last", () => {
    const next = transition(flowAt(states.form), events.step_passed_form, NOW);
    expect(next.ok && next.effects).toEqual([{ type: "enter_step", method: "bankcard4", step: "sms_code" }]);
    const last = transition(flowAt(states.id_photos, { failureReason: "id_photo_mismatch", failedAttempts: 1 }), events.step_passed_id_photos, NOW);
    expect(last.ok && last.flow).toMatchObject({ state: { kind: "verified", method: "bankcard4" }, failureReason: null, failedAttempts: 1, completedAt: NOW });
    expect(last.ok && last.effects).toEqual([{ type: "ended", status: "verified" }]);
  });

  it("should count failed attempts and fail on the third, keeping the method", () => {
    let flow = flowAt(states.form);
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const r = transition(flow, { type: "attempt_failed", reason: "name_id_mismatch" }, NOW);
      if (!r.ok) throw new Error(r.error);
      expect(r.flow).toMatchObject({ state: states.form, failedAttempts: i, failureReason: "name_id_mismatch" });
      expect(r.effects).toEqual([]);
      flow = r.flow;
    }
    const last = transition(flow, { type: "attempt_failed", reason: "card_phone_mismatch" }, NOW);
    expect(last.ok && last.flow).toMatchObject({ state: { kind: "failed", method: "bankcard4" }, failedAttempts: 3, failureReason: "card_phone_mismatch", completedAt: NOW });
    expect(last.ok && last.effects).toEqual([{ type: "ended", status: "failed" }]);
  });

  it("should expire only once past expires_at, and refuse other events then", () => {
    expect(transition(flowAt(states.start), events.expire, NOW)).toEqual({ ok: false, error: "not_open" });
    const late = NOW + 1000;
    expect(transition(flowAt(states.start), events.cancel, late)).toEqual({ ok: false, error: "expired" });
    const r = transition(flowAt(states.sms_code), events.expire, late);
    expect(r.ok && r.flow).toMatchObject({ state: { kind: "expired", method: "bankcard4", at: "sms_code" }, completedAt: late });
    const left = transition(flowAt(states.start), events.cancel, NOW);
    expect(left.ok && left.flow.state).toEqual({ kind: "canceled", method: null, at: "start" });
  });

  it("should keep step data for its own step only", () => {
    const r = transition(flowAt({ ...states.awaiting_child, data: undefined }), events.step_data, NOW);
    expect(r.ok && r.flow.state).toMatchObject({ data: { child_id: "ver_child", role: "legal_representative" } });
    const back = transition(flowAt({ ...states.sms_code, data: { x: "1" } }), events.step_back_form, NOW);
    expect(back.ok && back.flow.state).toEqual(states.form);
  });

  it("should take a child's failed end once: telling it again (the cron's repair) counts nothing more", () => {
    const first = transition(flowAt(states.awaiting_child), events.child_failed, NOW);
    if (!first.ok) throw new Error(first.error);
    expect(first.flow).toMatchObject({ failedAttempts: 1, state: { data: { child_outcome: "failed" } } });
    expect(transition(first.flow, events.child_failed, NOW)).toEqual({ ok: false, error: "wrong_step" });
  });

  it("should let a child's end move only the parent that waits on that child", () => {
    const other = transition(flowAt(states.awaiting_child), { type: "child_ended", childId: "ver_other", outcome: "verified" }, NOW);
    expect(other).toEqual({ ok: false, error: "wrong_step" });
    const failed = transition(flowAt(states.awaiting_child), events.child_failed, NOW);
    expect(failed.ok && failed.flow).toMatchObject({ failedAttempts: 1, failureReason: "attempts_exhausted" });
  });

  it("should hold every method, and reuse, until a verification's own steps are done", () => {
    const org = (state: FlowState) => flowAt(state, { preamble: PREAMBLE });
    for (const at of [states.start, states.org_check, states.operator_role]) {
      expect(transition(org(at), events.start, NOW)).toEqual({ ok: false, error: "preamble_first" });
    }
    expect(transition(org(states.start), events.verify, NOW)).toEqual({ ok: false, error: "preamble_first" });
    const begun = transition(org(states.start), events.prepare, NOW);
    expect(begun.ok && begun.effects).toEqual([{ type: "enter_step", method: null, step: "org_check" }]);
    const role = transition(org(states.org_check), events.step_passed_org_check, NOW);
    expect(role.ok && role.flow.state).toEqual(states.operator_role);
    const methods = transition(org(states.operator_role), events.step_passed_role, NOW);
    expect(methods.ok && methods.flow.state).toEqual({ kind: "choose_method" });
    expect(transition(org({ kind: "choose_method" }), events.start, NOW).ok).toBe(true);
    // Back from a method to say another person acts: the method is left, its step entered again.
    const back = transition(org(states.awaiting_child), { type: "prepare", plan: PREAMBLE, step: "operator_role" }, NOW);
    expect(back.ok && back.effects).toEqual([
      { type: "leave_method", method: "legal_rep_personal" },
      { type: "enter_step", method: null, step: "operator_role" },
    ]);
    expect(transition(org(states.start), { type: "prepare", plan: PREAMBLE, step: "elsewhere" }, NOW)).toEqual({ ok: false, error: "empty_plan" });
  });

  it("should count the organization check's failures as the verification's, and end it on the third with no method", () => {
    const r = transition(flowAt(states.org_check, { preamble: PREAMBLE, failedAttempts: 2 }), { type: "attempt_failed", reason: "legal_rep_mismatch" }, NOW);
    expect(r.ok && r.flow).toMatchObject({ state: { kind: "failed", method: null }, failedAttempts: 3, failureReason: "legal_rep_mismatch" });
  });

  it.each([
    [states.start, "pending"],
    [states.choose_method, "pending"],
    [states.form, "in_progress"],
    [states.org_check, "in_progress"],
    [{ ...states.org_check, data: { review_id: "rev_1" } }, "requires_review"],
    [{ ...states.org_check, data: { review_id: "", review_rejected: "other" } }, "in_progress"],
    [states.verified, "verified"],
    [states.expired, "expired"],
  ] as const)("should derive the public status from %j", (state, status) => {
    expect(statusOf(state)).toBe(status);
  });
});

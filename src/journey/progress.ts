// The applicant's place in the method, for the step list every page shows: the method's plan
// and the result, each named by the method's own words when it has them (银行账户认证 for
// bankcard4's form), the shared step's otherwise.
import { type FlowState, methodOf } from "../domain/flow/state";
import { hostedMethod, type VerificationOptions } from "../flow/methods";
import { isMessageKey } from "../../views/messages";

function label(method: string, step: string): string {
  const own = `method.${method}.progress.${step}`;
  return isMessageKey(own) ? own : `progress.${step}`;
}

/** `at` is the step shown (a form shown before its method started counts as the plan's first). */
export function progressOf(method: string, options: VerificationOptions, at: string | "result") {
  const plan = hostedMethod(method)?.plan(options) ?? [];
  const steps = [...plan, "result"];
  return { steps: steps.map((s) => label(method, s)), current: Math.max(0, steps.indexOf(at)) };
}

/** The method a screen belongs to, for the step list: the one in use, or the one it ended with. */
export function methodOfState(state: FlowState): string | null {
  return methodOf(state);
}

/**
 * An organization's steps: its own (组织信息核验 → 选择身份), then the method's once one is
 * chosen (认证方式 before that), then the result. `at` is the step shown.
 */
export function organizationProgressOf(preamble: readonly string[], method: string | null, options: VerificationOptions, at: string | "result") {
  const plan = method ? (hostedMethod(method)?.plan(options) ?? []) : ["method"];
  const steps = [...preamble.map((s) => `progress.${s}`), ...plan.map((s) => (method ? label(method, s) : `progress.${s}`)), "progress.result"];
  const inPreamble = preamble.indexOf(at);
  const inPlan = plan.indexOf(at);
  const current = at === "result" ? steps.length - 1 : inPreamble >= 0 ? inPreamble : inPlan >= 0 ? preamble.length + inPlan : preamble.length;
  return { steps, current };
}

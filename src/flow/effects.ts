// Runs what a change's moves asked for, in the request that caused them and before the write, so
// their records ride in the same batch: entering a step (an SMS code sent, a handoff opened).
// Endings (purge, webhook, parent) are the writer's. An unknown step is a programming error.
import { hostedMethod } from "./methods";
import type { ApplicantRow, ApplicantSession } from "./applicant";
import type { FlowContext } from "./context";
import type { MethodInput } from "./methods";
import { findStep, type StepNotice } from "./steps";
import type { Change } from "./writer";

export async function runEffects(ctx: FlowContext, ch: Change<ApplicantRow>, input: MethodInput | null = null, session: ApplicantSession | null = null): Promise<StepNotice | undefined> {
  let notice: StepNotice | undefined;
  // A step's entry may move the flow on (a code step that needs no code): its effects run too.
  for (let effect = ch.effects.shift(); effect; effect = ch.effects.shift()) {
    if (effect.type !== "enter_step") continue;
    const step = findStep(effect.step);
    if (!step) throw new Error(`no step ${effect.step}`);
    // A preamble step belongs to the verification, not to a method: it has no method to enter with.
    const method = effect.method === null ? null : hostedMethod(effect.method);
    if (method === undefined) throw new Error(`no method ${effect.method} for step ${effect.step}`);
    if (!step.enter) continue;
    if (!method) throw new Error(`the preamble step ${effect.step} has an entry, which needs a method`);
    notice = (await step.enter(ctx, ch, { method, input, session })) ?? notice;
  }
  return notice;
}

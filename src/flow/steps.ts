// What a journey step is to the engine, and the registry src/steps (and the tests' fake method)
// register into. A step owns its entry (what must happen as the applicant reaches it), its desktop
// view (a read: it never writes the flow) and its actions. Steps depend on this base only, never
// on each other: the engine looks the next one up by name.
import type { MethodStep, StepKind } from "../domain/flow/state";
import type { StepView } from "../../views/steps/model";
import type { ApplicantRow, ApplicantSession } from "./applicant";
import type { FlowContext } from "./context";
import type { HostedMethod, MethodInput } from "./methods";
import type { Change } from "./writer";

/** What an entered step tells the page that follows the write (a code that could not be sent). */
export type StepNotice = Readonly<Record<string, unknown>>;

export interface EnterArgs {
  method: HostedMethod;
  /** The method's checked input, when the request that moved here holds it in memory. */
  input: MethodInput | null;
  /** The applicant's session, when an applicant's request moved here (not a phone's, nor the system's). */
  session: ApplicantSession | null;
}

export interface ViewArgs {
  at: MethodStep;
  session: ApplicantSession;
  /** `?edit=1`: back to the form with what was typed. */
  edit: boolean;
}

export type ActionOutcome =
  /** The flow moved (or stayed) and the page should show where it stands now. */
  | { kind: "moved"; row: ApplicantRow; notice?: StepNotice }
  /** This step's own answer, re-rendered in place (a field error, a wrong code). */
  | { kind: "render"; view: StepView; status: 200 | 422 }
  /** Another tab or device moved the flow first: show where it stands. */
  | { kind: "stale" };

export interface StepAction {
  /** The hosted page's path after `/v/{id}/`, e.g. `methods/:method/code`. */
  path: string;
  handle(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, form: FormData, params: Readonly<Record<string, string>>): Promise<ActionOutcome>;
}

export interface StepModule {
  kind: StepKind;
  enter?(ctx: FlowContext, ch: Change<ApplicantRow>, args: EnterArgs): Promise<StepNotice | undefined>;
  view(ctx: FlowContext, row: ApplicantRow, args: ViewArgs, notice?: StepNotice): Promise<StepView>;
  actions?: readonly StepAction[];
}

const REGISTRY = new Map<StepKind, StepModule>();

export function registerStep(step: StepModule) {
  REGISTRY.set(step.kind, step);
}

export function findStep(kind: StepKind): StepModule | undefined {
  return REGISTRY.get(kind);
}

export function allSteps(): StepModule[] {
  return [...REGISTRY.values()];
}

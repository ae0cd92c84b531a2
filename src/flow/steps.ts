// What a journey step is to the engine, and the registry src/steps (and the tests' fake method)
// register into. A step owns its entry (what must happen as the applicant reaches it), its desktop
// view (a read: it never writes the flow), its actions and, when it continues on a phone, its
// phone pages (flow/phone-pages.ts). Steps depend on this base only, never on each other: the
// engine looks the next one up by name.
import type { MethodStep, PreambleStep, StepKind } from "../domain/flow/state";
import type { StepView } from "../../views/steps/model";
import type { ApplicantRow, ApplicantSession } from "./applicant";
import type { FlowContext } from "./context";
import type { HostedMethod, MethodInput } from "./methods";
import type { PhoneAction, PhoneChannel, PhoneRoute } from "./phone-pages";
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

/** `at`: where the flow stands, a method's step or (for the verification's own steps) its preamble's. */
export interface ViewArgs<At extends MethodStep | PreambleStep = MethodStep> {
  at: At;
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

/**
 * `Facts` is what a step's screen needs from outside the row (its Durable Object, the sealed
 * input, a child's row). `read` fetches them and never writes D1; `view` is then a pure function
 * of the flow, the session and those facts, so a screen can be reasoned about (and rendered
 * twice) without a request.
 */
export interface StepModule<Facts = unknown, At extends MethodStep | PreambleStep = MethodStep> {
  kind: StepKind;
  enter?(ctx: FlowContext, ch: Change<ApplicantRow>, args: EnterArgs): Promise<StepNotice | undefined>;
  read(ctx: FlowContext, row: ApplicantRow, args: ViewArgs<At>): Promise<Facts>;
  view(row: ApplicantRow, args: ViewArgs<At>, facts: Facts, notice?: StepNotice): StepView;
  actions?: readonly StepAction[];
  /** The channels by which this step continues on a phone, each with its pages and actions. */
  phone?: readonly PhoneChannel[];
}

// A step is looked up by the name the flow's state holds; that state says which kind of `at` it gets.
// biome-ignore lint/suspicious/noExplicitAny: the registry holds steps of both positions
type AnyStep = StepModule<unknown, any>;

const REGISTRY = new Map<StepKind, AnyStep>();

/** The step's screen: its facts read, then its pure view of them. */
export async function showStep<Facts, At extends MethodStep | PreambleStep>(
  ctx: FlowContext,
  step: StepModule<Facts, At>,
  row: ApplicantRow,
  args: ViewArgs<At>,
  notice?: StepNotice,
): Promise<StepView> {
  return step.view(row, args, await step.read(ctx, row, args), notice);
}

export function registerStep<Facts, At extends MethodStep | PreambleStep>(step: StepModule<Facts, At>) {
  const taken = new Set(allPhoneActions().map((a) => a.path));
  for (const action of (step.phone ?? []).flatMap((channel) => channel.actions ?? [])) {
    // One path, one action: the phone route finds an action by its path alone.
    if (taken.has(action.path)) throw new Error(`phone action ${action.path} is registered twice`);
  }
  REGISTRY.set(step.kind, step as AnyStep);
}

export function findStep(kind: StepKind): AnyStep | undefined {
  return REGISTRY.get(kind);
}

export function allSteps(): AnyStep[] {
  return [...REGISTRY.values()];
}

/** The channel that serves a handoff of this purpose on the phone. */
export function phoneChannelFor(purpose: string): PhoneChannel | undefined {
  return allSteps()
    .flatMap((step) => step.phone ?? [])
    .find((channel) => channel.purpose === purpose);
}

/** Every phone action, with the channel it belongs to. */
export function allPhoneActions(): (PhoneAction & { channel: PhoneChannel })[] {
  return allSteps().flatMap((step) => (step.phone ?? []).flatMap((channel) => (channel.actions ?? []).map((action) => ({ ...action, channel }))));
}

export function allPhoneRoutes(): PhoneRoute[] {
  return allSteps().flatMap((step) => (step.phone ?? []).flatMap((channel) => channel.routes ?? []));
}

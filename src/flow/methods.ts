// What a verification method is to the engine, and the registry the catalogue (src/methods)
// and the tests' fake method register into. A method owns its input schema, the steps it is made
// of, its checks, its reasons and its texts; the engine and the steps only ever look it up here.
import type { z } from "zod";
import type { DataCipher } from "../crypto/data-key";
import type { OperatorRole } from "../domain/organization/roles";
import type { VerificationRow } from "../db/verifications";
import type { StepKind } from "../domain/flow/state";
import type { VerificationType } from "../domain/verification/status";
import type { Capability as ProviderCapability, Providers } from "../providers/select";
import { addMessages } from "../../views/messages";
import type { ReasonCatalogue } from "./reasons";

/** Provider capabilities a method calls in live mode. */
export type Capability = ProviderCapability;

export interface VerificationOptions {
  collect_id_validity?: boolean;
  collect_id_images?: boolean;
  /** legal_rep_authorization: the letter's validity in whole years (DEFAULT_VALIDITY_YEARS when absent). */
  authorization_validity_years?: number;
  /** Internal, never from the API: the person pre-filled is fixed (a legal representative's own verification). */
  lock_prefills?: boolean;
  /** Internal: the method's form is filled on the phone, inside its handoff (legal_rep_quick). */
  form_on_phone?: boolean;
  /** Internal: a child shown in its parent's page (ChildPlan.embedded), whose own page leads there. */
  embedded?: boolean;
  /** Internal: a legal representative's own verification, done from their invitation (legal_rep_authorization): it leads back there. */
  invited?: boolean;
}

/** A method's typed input: form field names to values (files are parsed by their own step). */
export type MethodInput = Record<string, string>;

/** One provider call, as the evidence trail records it (never the data sent). */
export interface ProviderCall {
  capability: string;
  provider: string;
  serial: string;
  outcome: "match" | "no_match" | "unavailable";
  reason?: string;
}

export type CheckResult<Reason extends string = string> =
  | { kind: "passed"; calls: ProviderCall[] }
  | { kind: "rejected"; reason: Reason; calls: ProviderCall[] }
  | { kind: "unavailable"; calls: ProviderCall[] };

export type Messages = Readonly<Record<"zh-CN" | "en", Readonly<Record<string, string>>>>;

export interface MethodDefinition<Name extends string = string> {
  name: Name;
  verificationType: VerificationType;
  /** Every provider the method may call; a live verification offering it needs them all configured. */
  capabilities: readonly Capability[];
  /** An organization method's: who acting for the organization may use it (e签宝's rule). */
  operatorRoles?: readonly OperatorRole[];
  /** Its texts (title, what it needs, its reasons), merged into each language's table. */
  messages: Messages;
  /** Present when the hosted pages can run the method; organization methods come later. */
  hosted?: HostedMethod;
}

export interface HostedMethod {
  /** The steps it is made of, in order (see src/steps). */
  plan(options: VerificationOptions): readonly StepKind[];
  /** Its form's input, one zod object per option set: the field list is its shape's keys (a method without a form: an empty object). */
  schema(options: VerificationOptions): z.ZodObject;
  /** Rules across fields, checked where they are typed before any registry is asked (`today` is ISO, Beijing time). */
  refine?(input: MethodInput, today: string, options: VerificationOptions): Readonly<Record<string, string>>;
  /** The registry checks its form's input goes through. */
  check(providers: Providers, input: MethodInput, options: VerificationOptions): Promise<CheckResult>;
  /** Every reason its checks (and its steps) may answer. */
  reasons: ReasonCatalogue<string>;
  /** The input field whose phone an SMS code step sends to, and what the SMS says it is for. */
  sms?: { phoneField: string; purpose: string };
  /** Hints shown under a field of its form (message keys). */
  hints?: Readonly<Record<string, string>>;
  /** A block shown under its form (e.g. the banks to use). */
  formNote?: string;
  /** The ID photos step's check against the form (Beijing's variant of bankcard4). */
  idPhotos?: IdPhotosCheck;
  /** The awaiting_child step's child: a person verification by these methods, in this role. */
  child?: ChildPlan;
}

export interface ChildPlan {
  role: string;
  methods: readonly string[];
  /** Switches of the child's own (its form on the phone). */
  options?: VerificationOptions;
  /**
   * The child starts its one method at once and its screen stands in the parent's place (the QR
   * code of legal_rep_quick on the organization's page), rather than behind a link.
   */
  embedded?: boolean;
  /** The person the child is about, from the parent (the legal representative checked), fixed in the child's forms. */
  person?(parent: VerificationRow, cipher: DataCipher): Promise<{ name?: string; id_number?: string }>;
  /**
   * false: the child's person is not who acts for the parent (the legal representative who signs
   * for an operator): the parent keeps its own operator when the child is verified.
   */
  actsForParent?: false;
}

export interface IdPhotosCheck {
  check(providers: Providers, input: MethodInput, photos: { front: File; back: File }, options: VerificationOptions): Promise<CheckResult>;
}

const REGISTRY = new Map<string, MethodDefinition>();

/** Registers a method and merges its texts into each language's messages table. */
export function registerMethod(method: MethodDefinition) {
  REGISTRY.set(method.name, method);
  addMessages(method.messages);
}

export function findMethod(name: string): MethodDefinition | undefined {
  return REGISTRY.get(name);
}

export function hostedMethod(name: string): HostedMethod | undefined {
  return REGISTRY.get(name)?.hosted;
}

/** The methods of this list the hosted pages can run, in the partner's order. */
export function hostedMethods(names: readonly string[]): string[] {
  return names.filter((n) => REGISTRY.get(n)?.hosted);
}

/** The field names of a method's form, from its schema: the only field list. */
export function formFields(method: HostedMethod, options: VerificationOptions): string[] {
  return Object.keys(method.schema(options).shape);
}

/** A reason's catalogue entry for a method (its own, or a shared one). */
export function reasonEntry(method: string | null, reason: string) {
  return (method ? REGISTRY.get(method)?.hosted?.reasons[reason] : undefined) ?? null;
}

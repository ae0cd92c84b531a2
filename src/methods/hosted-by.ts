// Builds a method's hosted part from its typed pieces: the check sees its schema's own output
// type, re-parsed from the stored input (cheap, and no cast on what came from outside).
import { z } from "zod";
import type { StepKind } from "../domain/flow/state";
import type { CheckResult, HostedMethod, IdPhotosCheck, MethodInput, VerificationOptions } from "../flow/methods";
import type { ReasonCatalogue } from "../flow/reasons";
import type { Providers } from "../providers/select";

interface TypedHosted<S extends z.ZodObject, Reason extends string> {
  plan(options: VerificationOptions): readonly StepKind[];
  schema(options: VerificationOptions): S;
  check(providers: Providers, input: z.output<S>, options: VerificationOptions): Promise<CheckResult<Reason>>;
  refine?(input: z.output<S>, today: string): Readonly<Record<string, string>>;
  reasons: ReasonCatalogue<Reason>;
  sms?: HostedMethod["sms"];
  hints?: HostedMethod["hints"];
  formNote?: string;
  child?: HostedMethod["child"];
  idPhotos?: {
    check(providers: Providers, input: z.output<S>, photos: { front: File; back: File }, options: VerificationOptions): Promise<CheckResult<Reason>>;
  };
}

export function hostedBy<S extends z.ZodObject, Reason extends string>(m: TypedHosted<S, Reason>): HostedMethod {
  const typed = (input: MethodInput, options: VerificationOptions) => m.schema(options).parse(input);
  const idPhotos: IdPhotosCheck | undefined = m.idPhotos && {
    check: (providers, input, photos, options) => m.idPhotos!.check(providers, typed(input, options), photos, options),
  };
  return {
    plan: m.plan,
    schema: m.schema,
    check: (providers, input, options) => m.check(providers, typed(input, options), options),
    ...(m.refine ? { refine: (input: MethodInput, today: string, options: VerificationOptions) => m.refine!(typed(input, options), today) } : {}),
    reasons: m.reasons,
    ...(m.sms ? { sms: m.sms } : {}),
    ...(m.hints ? { hints: m.hints } : {}),
    ...(m.formNote ? { formNote: m.formNote } : {}),
    ...(idPhotos ? { idPhotos } : {}),
    ...(m.child ? { child: m.child } : {}),
  };
}

/**
 * The form part of a method whose steps are its checks (an invitation, a transfer): no fields, and
 * nothing to check before its first step. Spread into hostedBy.
 */
export const WITHOUT_FORM = {
  schema: () => z.object({}),
  check: async () => ({ kind: "passed", calls: [] }) as CheckResult<never>,
};

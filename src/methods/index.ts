// The catalogue of verification methods: the only list of them in the code. Each registers
// into the flow's method registry (src/flow/methods.ts), which the steps look them up in.
import type { VerificationType } from "../domain/verification/status";
import { type Capability, findMethod, registerMethod } from "../flow/methods";
import { bankcard4 } from "./bankcard4";
import { face } from "./face";
import { legalRepAuthorization } from "./legal_rep_authorization";
import { legalRepPersonal } from "./legal_rep_personal";
import { legalRepQuick } from "./legal_rep_quick";
import { mobile3 } from "./mobile3";
import { transferForward } from "./transfer_forward";
import { transferReverse } from "./transfer_reverse";

export const METHODS = [mobile3, bankcard4, face, legalRepQuick, legalRepPersonal, legalRepAuthorization, transferForward, transferReverse] as const;

for (const method of METHODS) registerMethod(method);

export type MethodName = (typeof METHODS)[number]["name"];

export const METHOD_NAMES = METHODS.map((m) => m.name) as [MethodName, ...MethodName[]];

export { findMethod };

export function methodsFor(type: VerificationType): MethodName[] {
  return METHODS.filter((m) => m.verificationType === type).map((m) => m.name);
}

export function capabilitiesOf(names: readonly string[]): Capability[] {
  return [...new Set(names.flatMap((n) => findMethod(n)?.capabilities ?? []))];
}

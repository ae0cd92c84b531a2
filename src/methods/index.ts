// The catalogue of verification methods: the only list of them in the code.
import type { VerificationType } from "../domain/verification/status";
import { bankcard4 } from "./bankcard4";
import { face } from "./face";
import { legalRepAuthorization } from "./legal_rep_authorization";
import { legalRepPersonal } from "./legal_rep_personal";
import { legalRepQuick } from "./legal_rep_quick";
import type { Capability, VerificationMethod } from "./method";
import { mobile3 } from "./mobile3";
import { transferForward } from "./transfer_forward";
import { transferReverse } from "./transfer_reverse";

export const METHODS = [
  mobile3,
  bankcard4,
  face,
  legalRepQuick,
  legalRepPersonal,
  legalRepAuthorization,
  transferForward,
  transferReverse,
] as const;

export type MethodName = (typeof METHODS)[number]["name"];

export const METHOD_NAMES = METHODS.map((m) => m.name) as [MethodName, ...MethodName[]];

export function findMethod(name: string): VerificationMethod | undefined {
  return METHODS.find((m) => m.name === name);
}

export function methodsFor(type: VerificationType): MethodName[] {
  return METHODS.filter((m) => m.verificationType === type).map((m) => m.name);
}

export function capabilitiesOf(names: readonly string[]): Capability[] {
  return [...new Set(names.flatMap((n) => findMethod(n)?.capabilities ?? []))];
}

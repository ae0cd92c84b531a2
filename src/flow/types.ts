// What a verification type asks before any of its methods: an organization is checked with the
// business registry, then the operator says who is acting, and only then are methods offered
// (those the role may use). A person goes straight to the methods.
import type { StepKind } from "../domain/flow/state";
import type { VerificationType } from "../domain/verification/status";

export const ORG_CHECK_STEP = "org_check";
export const OPERATOR_ROLE_STEP = "operator_role";

const PREAMBLES: Readonly<Record<VerificationType, readonly StepKind[]>> = {
  person: [],
  organization: [ORG_CHECK_STEP, OPERATOR_ROLE_STEP],
};

export function preambleOf(type: VerificationType): readonly StepKind[] {
  return PREAMBLES[type];
}

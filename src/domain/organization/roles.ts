// Who is acting for the organization: the legal representative (法人本人), who proves it is them,
// or an operator who is not (经办人), who proves the organization authorised them or moves money
// with its account. Each organization method says which roles may use it (its `operatorRoles`),
// following e签宝's rule; this module only names the roles. Pure.

export const OPERATOR_ROLES = ["legal_representative", "agent"] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export function isOperatorRole(value: unknown): value is OperatorRole {
  return typeof value === "string" && (OPERATOR_ROLES as readonly string[]).includes(value);
}

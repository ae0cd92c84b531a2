// The methods an applicant is offered: those the partner allowed that the hosted pages can run
// and, for an organization, those the operator's role may use. One function, so the method list
// and the choice of a method never disagree.
import type { VerificationRow } from "../db/verifications";
import { isOperatorRole, type OperatorRole } from "../domain/organization/roles";
import { findMethod, hostedMethods } from "../flow/methods";

type Row = Pick<VerificationRow, "type" | "methods" | "operatorRole">;

export function offeredForRole(row: Row, role: OperatorRole): string[] {
  return hostedMethods(row.methods).filter((m) => findMethod(m)?.operatorRoles?.includes(role));
}

export function offeredMethods(row: Row): string[] {
  if (row.type !== "organization") return hostedMethods(row.methods);
  return isOperatorRole(row.operatorRole) ? offeredForRole(row, row.operatorRole) : [];
}

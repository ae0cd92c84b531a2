// e签宝's rule, as the method catalogue carries it: the legal representative may use the quick
// face check, their own person verification and both transfers; an operator who is not may use
// the authorization letter and both transfers.
import { describe, expect, it } from "vitest";
import { METHODS } from "../../../src/methods";

const byRole = (role: string) => METHODS.filter((m) => (m as { operatorRoles?: readonly string[] }).operatorRoles?.includes(role)).map((m) => m.name);

describe("who may use which organization method", () => {
  it("should follow e签宝's rule for each role", () => {
    expect(byRole("legal_representative").sort()).toEqual(["legal_rep_personal", "legal_rep_quick", "transfer_forward", "transfer_reverse"]);
    expect(byRole("agent").sort()).toEqual(["legal_rep_authorization", "transfer_forward", "transfer_reverse"]);
  });

  it("should give every organization method a role, and no person method one", () => {
    for (const m of METHODS) {
      const roles = (m as { operatorRoles?: readonly string[] }).operatorRoles;
      expect(Boolean(roles?.length), m.name).toBe(m.verificationType === "organization");
    }
  });
});

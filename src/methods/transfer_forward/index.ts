// Method transfer_forward (正向打款): we pay a random amount under 1 yuan to the corporate account; the operator types it back.
import type { MethodDefinition } from "../../flow/methods";

export const transferForward = {
  name: "transfer_forward",
  verificationType: "organization",
  operatorRoles: ["legal_representative", "agent"],
  capabilities: ["business_registry", "payout"],
  messages: { "zh-CN": {}, en: {} },
} as const satisfies MethodDefinition<"transfer_forward">;

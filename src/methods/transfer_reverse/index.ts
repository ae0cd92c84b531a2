// Method transfer_reverse (反向打款): the organization pays 0.01 yuan to our account.
import type { MethodDefinition } from "../../flow/methods";

export const transferReverse = {
  name: "transfer_reverse",
  verificationType: "organization",
  operatorRoles: ["legal_representative", "agent"],
  capabilities: ["business_registry", "bank"],
  messages: { "zh-CN": {}, en: {} },
} as const satisfies MethodDefinition<"transfer_reverse">;

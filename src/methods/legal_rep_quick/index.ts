// Method legal_rep_quick (法人快捷认证): the legal representative scans a QR code and completes face verification.
import type { MethodDefinition } from "../../flow/methods";

export const legalRepQuick = {
  name: "legal_rep_quick",
  verificationType: "organization",
  operatorRoles: ["legal_representative"],
  capabilities: ["business_registry", "face"],
  messages: { "zh-CN": {}, en: {} },
} as const satisfies MethodDefinition<"legal_rep_quick">;

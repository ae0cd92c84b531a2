// Method legal_rep_personal (法定代表人认证): the operator is the legal representative and completes a person verification.
import type { MethodDefinition } from "../../flow/methods";

export const legalRepPersonal = {
  name: "legal_rep_personal",
  verificationType: "organization",
  capabilities: ["business_registry", "identity", "face", "carrier", "sms"],
  messages: { "zh-CN": {}, en: {} },
} as const satisfies MethodDefinition<"legal_rep_personal">;

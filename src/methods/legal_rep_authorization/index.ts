// Method legal_rep_authorization (法人授权认证): the legal representative signs an authorization letter from a QR code or SMS link.
import type { MethodDefinition } from "../../flow/methods";

export const legalRepAuthorization = {
  name: "legal_rep_authorization",
  verificationType: "organization",
  operatorRoles: ["agent"],
  capabilities: ["business_registry", "sms"],
  messages: { "zh-CN": {}, en: {} },
} as const satisfies MethodDefinition<"legal_rep_authorization">;

// Method legal_rep_personal (法定代表人认证): the operator is the legal representative and completes a person verification.
import type { VerificationMethod } from "../method";

export const legalRepPersonal = {
  name: "legal_rep_personal",
  verificationType: "organization",
  capabilities: ["business_registry", "identity", "face", "carrier", "sms"],
} as const satisfies VerificationMethod<"legal_rep_personal">;

// Method legal_rep_authorization (法人授权认证): the legal representative signs an authorization letter from a QR code or SMS link.
import type { VerificationMethod } from "../method";

export const legalRepAuthorization = {
  name: "legal_rep_authorization",
  verificationType: "organization",
  capabilities: ["business_registry", "sms"],
} as const satisfies VerificationMethod<"legal_rep_authorization">;

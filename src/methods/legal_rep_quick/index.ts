// Method legal_rep_quick (法人快捷认证): the legal representative scans a QR code and completes face verification.
import type { VerificationMethod } from "../method";

export const legalRepQuick = {
  name: "legal_rep_quick",
  verificationType: "organization",
  capabilities: ["business_registry", "face"],
} as const satisfies VerificationMethod<"legal_rep_quick">;

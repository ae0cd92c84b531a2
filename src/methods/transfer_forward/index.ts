// Method transfer_forward (正向打款): we pay a random amount under 1 yuan to the corporate account; the operator types it back.
import type { VerificationMethod } from "../method";

export const transferForward = {
  name: "transfer_forward",
  verificationType: "organization",
  capabilities: ["business_registry", "payout"],
} as const satisfies VerificationMethod<"transfer_forward">;

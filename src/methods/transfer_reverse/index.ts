// Method transfer_reverse (反向打款): the organization pays 0.01 yuan to our account.
import type { VerificationMethod } from "../method";

export const transferReverse = {
  name: "transfer_reverse",
  verificationType: "organization",
  capabilities: ["business_registry", "bank"],
} as const satisfies VerificationMethod<"transfer_reverse">;

// The one interface every verification method implements. Adding a method means adding a
// folder under src/methods and one line in ./index.ts, never a switch elsewhere.
import type { VerificationType } from "../domain/verification/status";

/** Provider capabilities a method calls in live mode (see src/providers). */
export type Capability = "identity" | "carrier" | "bank" | "ocr" | "sms" | "face" | "business_registry" | "payout";

export interface VerificationMethod<Name extends string = string> {
  name: Name;
  verificationType: VerificationType;
  /** Every provider the method may call; a live verification offering it needs them all configured. */
  capabilities: readonly Capability[];
  /** Whether the hosted pages can run it end to end yet; partners may not offer a method that cannot finish. */
  available: boolean;
}

// The one interface every verification method implements. Adding a method means adding a
// folder under src/methods and one line in ./index.ts, never a switch elsewhere.
import type { VerificationType } from "../domain/verification/status";
import type { Providers } from "../providers/select";
import type { FieldName } from "./fields";

/** Provider capabilities a method calls in live mode (see src/providers). */
export type Capability = "identity" | "carrier" | "bank" | "ocr" | "sms" | "face" | "business_registry" | "payout";

export interface VerificationOptions {
  collect_id_validity?: boolean;
  collect_id_images?: boolean;
}

/** What the applicant typed, validated and normalised. Files are ID card photos. */
export interface Collected {
  name: string;
  idNumber: string;
  phone?: string;
  cardNumber?: string;
  validFrom?: string;
  validTo?: string;
  idFront?: File;
  idBack?: File;
}

/** One provider call, as the evidence trail records it (never the data sent). */
export interface ProviderCall {
  capability: string;
  provider: string;
  serial: string;
  outcome: "match" | "no_match" | "unavailable";
  reason?: string;
}

export type CheckResult =
  | { kind: "passed"; calls: ProviderCall[]; images?: { side: "front" | "back"; file: File }[] }
  | { kind: "rejected"; reason: string; calls: ProviderCall[] }
  | { kind: "unavailable"; calls: ProviderCall[] };

/** The desktop part of a person method: a form, registry checks, then what proves possession. */
export interface PersonFlow {
  fields(options: VerificationOptions): FieldName[];
  check(providers: Providers, input: Collected, options: VerificationOptions): Promise<CheckResult>;
  /** After the checks pass: an SMS code to `phone`, or the camera steps on a phone. */
  then: "sms_code" | "phone_handoff";
  /** Whether photos of the ID card follow the SMS code, and how they are checked against the form. */
  idPhotosAfterCode?(options: VerificationOptions): boolean;
  checkIdPhotos?(providers: Providers, input: Collected, compareDates: boolean): Promise<CheckResult>;
}

export interface VerificationMethod<Name extends string = string> {
  name: Name;
  verificationType: VerificationType;
  /** Every provider the method may call; a live verification offering it needs them all configured. */
  capabilities: readonly Capability[];
  /** Present when the hosted pages can run the method; organization methods come later. */
  person?: PersonFlow;
}

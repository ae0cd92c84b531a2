// Stand-ins for live capabilities whose secrets are missing. Callers are meant to ask
// missingProviders first and answer provider_not_configured; these make a forgotten check answer
// unavailable instead of throwing or, worse, quietly falling back to a sandbox in live mode.
import { unavailable, type UnavailableAnswer } from "./answer";
import { TENCENTCLOUD_PROVIDER } from "./tencentcloud/client";
import type { BankProvider } from "./bank/index";
import type { BusinessRegistryProvider } from "./business-registry/index";
import type { CarrierProvider } from "./carrier/index";
import type { FaceProvider } from "./face/index";
import type { IdentityProvider } from "./identity/index";
import type { OcrProvider } from "./ocr/index";
import type { SmsProvider } from "./sms/index";
import type { PayoutProvider } from "./payout/index";
import type { CollectionProvider } from "./collection/index";

async function notConfigured(): Promise<UnavailableAnswer> {
  return unavailable(TENCENTCLOUD_PROVIDER, "provider_not_configured");
}

export const notConfiguredIdentity: IdentityProvider = { check: notConfigured };
export const notConfiguredCarrier: CarrierProvider = { check: notConfigured };
export const notConfiguredBank: BankProvider = { check: notConfigured };
export const notConfiguredOcr: OcrProvider = { readIdCard: notConfigured, readBusinessLicence: notConfigured };
export const notConfiguredSms: SmsProvider = { send: notConfigured };
export const notConfiguredFace: FaceProvider = { checkLiveness: notConfigured };
export const notConfiguredBusinessRegistry: BusinessRegistryProvider = { check: notConfigured };
export const notConfiguredPayout: PayoutProvider = { send: notConfigured, query: notConfigured };
export const notConfiguredCollection: CollectionProvider = { expect: notConfigured };

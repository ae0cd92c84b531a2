// The one place that chooses provider implementations. Test mode always gets the sandboxes,
// whatever secrets exist, so a test key can never reach a paid registry; live mode gets the
// Tencent Cloud adapters, Alipay face where its app is configured, and the business registry
// through Tencent Cloud and/or Aliyun (business-registry/route.ts picks per query). It must never
// read env itself: config.ts parses it and passes it in.
import { alipayFace } from "./alipay-face/alipay";
import type { AlipayFaceProvider } from "./alipay-face/index";
import { sandboxAlipayFace } from "./alipay-face/sandbox";
import { sandboxBank } from "./bank/sandbox";
import { tencentCloudBank } from "./bank/tencentcloud";
import type { BankProvider } from "./bank/index";
import { aliyunBusinessRegistry } from "./business-registry/aliyun";
import type { BusinessRegistryProvider } from "./business-registry/index";
import { routedBusinessRegistry } from "./business-registry/route";
import { sandboxBusinessRegistry } from "./business-registry/sandbox";
import { tencentCloudBusinessRegistry } from "./business-registry/tencentcloud";
import { sandboxCarrier } from "./carrier/sandbox";
import { tencentCloudCarrier } from "./carrier/tencentcloud";
import type { CarrierProvider } from "./carrier/index";
import { sandboxFace } from "./face/sandbox";
import { tencentCloudFace } from "./face/tencentcloud";
import type { FaceProvider } from "./face/index";
import { sandboxIdentity } from "./identity/sandbox";
import { tencentCloudIdentity } from "./identity/tencentcloud";
import type { IdentityProvider } from "./identity/index";
import * as notConfigured from "./not-configured";
import { sandboxOcr } from "./ocr/sandbox";
import { tencentCloudOcr } from "./ocr/tencentcloud";
import type { OcrProvider } from "./ocr/index";
import { sandboxSms } from "./sms/sandbox";
import { tencentCloudSms } from "./sms/tencentcloud";
import type { SmsProvider } from "./sms/index";
import type { TencentCloudSettings } from "./tencentcloud/client";
import type { Transport } from "./deadline";
import type { SandboxPayoutStore } from "../db/sandbox-payouts";
import { alipayPayout } from "./payout/alipay";
import type { AlipaySettings } from "./alipay/client";
import type { PayoutProvider } from "./payout/index";
import { sandboxPayout } from "./payout/sandbox";
import type { CollectionProvider } from "./collection/index";
import { sandboxCollection } from "./collection/sandbox";
import { staticAccountCollection } from "./collection/static-account";

export const CAPABILITIES = ["identity", "carrier", "bank", "ocr", "sms", "face", "business_registry", "payout", "collection"] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The provider secrets as parsed from env; absent or blank means not configured. */
export type ProviderSecrets = {
  TENCENTCLOUD_SECRET_ID?: string | undefined;
  TENCENTCLOUD_SECRET_KEY?: string | undefined;
  /** Defaults to ap-guangzhou. */
  TENCENTCLOUD_REGION?: string | undefined;
  TENCENTCLOUD_SMS_SDK_APP_ID?: string | undefined;
  TENCENTCLOUD_SMS_SIGN_NAME?: string | undefined;
  TENCENTCLOUD_SMS_TEMPLATE_ID?: string | undefined;
  ALIPAY_APP_ID?: string | undefined;
  /** The app private key: PKCS#8 or PKCS#1, PEM or bare base64. */
  ALIPAY_PRIVATE_KEY?: string | undefined;
  /** Alipay's public key for the app (not the app's own public key). */
  ALIPAY_PUBLIC_KEY?: string | undefined;
  /** Certificate mode (公钥证书模式), PEM: the app's certificate (appCertPublicKey_….crt), Alipay's (alipayCertPublicKey_RSA2.crt) and its root chain (alipayRootCert.crt). */
  ALIPAY_APP_CERT?: string | undefined;
  ALIPAY_PUBLIC_CERT?: string | undefined;
  ALIPAY_ROOT_CERT?: string | undefined;
  /** Defaults to Alipay's production gateway. */
  ALIPAY_GATEWAY?: string | undefined;
  /** Aliyun ID Verification (cloudauth): the business registry's 3-element check, and its 4-element one without Tencent Cloud. */
  ALIYUN_ACCESS_KEY_ID?: string | undefined;
  ALIYUN_ACCESS_KEY_SECRET?: string | undefined;
  /** "1" once the Alipay app has 单笔转账到银行账户 contracted: the payout adapter. */
  ALIPAY_FUND_TRANSFER?: string | undefined;
  COLLECTION_ACCOUNT_NAME?: string | undefined;
  COLLECTION_ACCOUNT_NUMBER?: string | undefined;
  COLLECTION_BANK_NAME?: string | undefined;
  COLLECTION_INGEST_SECRET?: string | undefined;
};

/**
 * Alipay face is an optional channel, not a capability every live account needs: in live mode it
 * is null unless its app is configured, and the hosted pages offer it only when it is not null.
 */
export type Providers = {
  alipayFace: AlipayFaceProvider | null;
  identity: IdentityProvider;
  carrier: CarrierProvider;
  bank: BankProvider;
  ocr: OcrProvider;
  sms: SmsProvider;
  face: FaceProvider;
  businessRegistry: BusinessRegistryProvider;
  /** Forward transfers' payouts (a sandbox keeping its payments in D1 in test mode). */
  payout: PayoutProvider;
  /** Reverse transfers' receiving account. */
  collection: CollectionProvider;
  /**
   * True when the registry can only run the 4-element check (Tencent Cloud without Aliyun): the
   * hosted organization check must then ask for the legal representative's ID number. The sandbox
   * runs both, so test mode is always false.
   */
  businessRegistryNeedsLegalRepId: boolean;
};

/** `sandboxPayouts`: the payout sandbox's store (its "bank"); without one, test mode cannot pay. */
export type ProviderDeps = { fetch?: typeof fetch; now?: () => number; sandboxPayouts?: SandboxPayoutStore };

export const DEFAULT_TENCENTCLOUD_REGION = "ap-guangzhou";

const ALIPAY_SECRETS = ["ALIPAY_APP_ID", "ALIPAY_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"] as const;
const ALIPAY_CERTIFICATES = ["ALIPAY_APP_CERT", "ALIPAY_PUBLIC_CERT", "ALIPAY_ROOT_CERT"] as const;
const KEY_PAIR = ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"] as const;
const ALIYUN_KEY_PAIR = ["ALIYUN_ACCESS_KEY_ID", "ALIYUN_ACCESS_KEY_SECRET"] as const;
type SecretNames = readonly (keyof ProviderSecrets)[];
/** Every name of the list, or every name of any one list of `anyOf` (a capability more than one vendor serves). */
const REQUIRED_SECRETS: Readonly<Record<Capability, SecretNames | { anyOf: readonly SecretNames[] }>> = {
  identity: KEY_PAIR,
  carrier: KEY_PAIR,
  bank: KEY_PAIR,
  ocr: KEY_PAIR,
  face: KEY_PAIR,
  sms: [...KEY_PAIR, "TENCENTCLOUD_SMS_SDK_APP_ID", "TENCENTCLOUD_SMS_SIGN_NAME", "TENCENTCLOUD_SMS_TEMPLATE_ID"],
  // Either vendor can run a check; which checks (Tencent Cloud has no 3-element one) is
  // businessRegistryNeedsLegalRepId's business, not a reason to refuse the verification.
  business_registry: { anyOf: [KEY_PAIR, ALIYUN_KEY_PAIR] },
  // Alipay's fund APIs take certificate mode only, so its public key alone does not do.
  payout: ["ALIPAY_APP_ID", "ALIPAY_PRIVATE_KEY", ...ALIPAY_CERTIFICATES, "ALIPAY_FUND_TRANSFER"],
  collection: ["COLLECTION_ACCOUNT_NAME", "COLLECTION_ACCOUNT_NUMBER", "COLLECTION_BANK_NAME", "COLLECTION_INGEST_SECRET"],
};

/** The Alipay client's settings: certificate mode where its three files are set, else the public key. */
function alipaySettingsOf(secrets: ProviderSecrets, transport: Transport): AlipaySettings {
  const certificates = allPresent(secrets, ALIPAY_CERTIFICATES)
    ? { appCert: present(secrets.ALIPAY_APP_CERT), alipayCert: present(secrets.ALIPAY_PUBLIC_CERT), rootCert: present(secrets.ALIPAY_ROOT_CERT) }
    : undefined;
  return {
    ...transport,
    appId: present(secrets.ALIPAY_APP_ID),
    appPrivateKey: present(secrets.ALIPAY_PRIVATE_KEY),
    ...(certificates ? { certificates } : { alipayPublicKey: present(secrets.ALIPAY_PUBLIC_KEY) }),
    // Unset: the client's own default, Alipay's production gateway.
    gateway: present(secrets.ALIPAY_GATEWAY) || undefined,
  };
}

export function providersFor(mode: { livemode: boolean }, secrets: ProviderSecrets, deps: ProviderDeps = {}): Providers {
  if (!mode.livemode) {
    return {
      identity: sandboxIdentity(),
      carrier: sandboxCarrier(),
      bank: sandboxBank(),
      ocr: sandboxOcr(),
      sms: sandboxSms(),
      face: sandboxFace(),
      alipayFace: sandboxAlipayFace(),
      businessRegistry: sandboxBusinessRegistry(),
      payout: deps.sandboxPayouts ? sandboxPayout(deps.sandboxPayouts) : notConfigured.notConfiguredPayout,
      collection: sandboxCollection(),
      businessRegistryNeedsLegalRepId: false,
    };
  }
  const ready = (capability: Capability) => missingProviders(secrets, [capability]).length === 0;
  const transport: Transport = {
    // Wrapped rather than passed bare: a detached global fetch throws "Illegal invocation" in Workers.
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    now: deps.now ?? (() => Date.now()),
  };
  const settings: TencentCloudSettings = {
    ...transport,
    credentials: { secretId: present(secrets.TENCENTCLOUD_SECRET_ID), secretKey: present(secrets.TENCENTCLOUD_SECRET_KEY) },
    region: present(secrets.TENCENTCLOUD_REGION) || DEFAULT_TENCENTCLOUD_REGION,
  };
  // Face takes either mode: the public key, or the certificates.
  const alipayReady = allPresent(secrets, ALIPAY_SECRETS) || allPresent(secrets, ["ALIPAY_APP_ID", "ALIPAY_PRIVATE_KEY", ...ALIPAY_CERTIFICATES]);
  const tencentCloudReady = allPresent(secrets, KEY_PAIR);
  const aliyunReady = allPresent(secrets, ALIYUN_KEY_PAIR);
  return {
    alipayFace: alipayReady ? alipayFace(alipaySettingsOf(secrets, transport)) : null,
    identity: ready("identity") ? tencentCloudIdentity(settings) : notConfigured.notConfiguredIdentity,
    carrier: ready("carrier") ? tencentCloudCarrier(settings) : notConfigured.notConfiguredCarrier,
    bank: ready("bank") ? tencentCloudBank(settings) : notConfigured.notConfiguredBank,
    ocr: ready("ocr") ? tencentCloudOcr(settings) : notConfigured.notConfiguredOcr,
    face: ready("face") ? tencentCloudFace(settings) : notConfigured.notConfiguredFace,
    businessRegistry:
      tencentCloudReady || aliyunReady
        ? routedBusinessRegistry({
            tencentCloud: tencentCloudReady ? tencentCloudBusinessRegistry(settings) : null,
            aliyun: aliyunReady
              ? aliyunBusinessRegistry({
                  ...transport,
                  credentials: { accessKeyId: present(secrets.ALIYUN_ACCESS_KEY_ID), accessKeySecret: present(secrets.ALIYUN_ACCESS_KEY_SECRET) },
                })
              : null,
          })
        : notConfigured.notConfiguredBusinessRegistry,
    businessRegistryNeedsLegalRepId: registryNeedsLegalRepId(secrets),
    payout: ready("payout") ? alipayPayout(alipaySettingsOf(secrets, transport)) : notConfigured.notConfiguredPayout,
    collection: ready("collection")
      ? staticAccountCollection({
          accountName: present(secrets.COLLECTION_ACCOUNT_NAME),
          accountNumber: present(secrets.COLLECTION_ACCOUNT_NUMBER),
          bankName: present(secrets.COLLECTION_BANK_NAME),
        })
      : notConfigured.notConfiguredCollection,
    sms: ready("sms")
      ? tencentCloudSms({
          ...settings,
          sdkAppId: present(secrets.TENCENTCLOUD_SMS_SDK_APP_ID),
          signName: present(secrets.TENCENTCLOUD_SMS_SIGN_NAME),
          templateId: present(secrets.TENCENTCLOUD_SMS_TEMPLATE_ID),
        })
      : notConfigured.notConfiguredSms,
  };
}

/** The live capabilities among `capabilities` that cannot run for want of a secret, in order. */
export function missingProviders(secrets: ProviderSecrets, capabilities: readonly Capability[]): Capability[] {
  const missing = capabilities.filter((capability) => {
    const required = REQUIRED_SECRETS[capability];
    return "anyOf" in required ? !required.anyOf.some((names) => allPresent(secrets, names)) : !allPresent(secrets, required);
  });
  return [...new Set(missing)];
}

/**
 * Live mode's answer to "must the organization check ask for the legal representative's ID
 * number?": yes when Tencent Cloud, whose only check has 4 elements, is the registry's one vendor.
 */
export function registryNeedsLegalRepId(secrets: ProviderSecrets): boolean {
  return allPresent(secrets, KEY_PAIR) && !allPresent(secrets, ALIYUN_KEY_PAIR);
}

function allPresent(secrets: ProviderSecrets, names: readonly (keyof ProviderSecrets)[]): boolean {
  return names.every((name) => present(secrets[name]) !== "");
}

function present(value: string | undefined): string {
  return value?.trim() ?? "";
}

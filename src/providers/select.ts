// The one place that chooses provider implementations. Test mode always gets the sandboxes,
// whatever secrets exist, so a test key can never reach a paid registry; live mode gets the
// Tencent Cloud adapters, and Alipay face where its app is configured. It must never read env
// itself: config.ts parses it and passes it in.
import { alipayFace } from "./alipay-face/alipay";
import type { AlipayFaceProvider } from "./alipay-face/index";
import { sandboxAlipayFace } from "./alipay-face/sandbox";
import { sandboxBank } from "./bank/sandbox";
import { tencentCloudBank } from "./bank/tencentcloud";
import type { BankProvider } from "./bank/index";
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

export const CAPABILITIES = ["identity", "carrier", "bank", "ocr", "sms", "face"] as const;
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
  /** Defaults to Alipay's production gateway. */
  ALIPAY_GATEWAY?: string | undefined;
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
};

export type ProviderDeps = { fetch?: typeof fetch; now?: () => number };

export const DEFAULT_TENCENTCLOUD_REGION = "ap-guangzhou";

const ALIPAY_SECRETS = ["ALIPAY_APP_ID", "ALIPAY_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"] as const;
const KEY_PAIR = ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"] as const;
const REQUIRED_SECRETS: Readonly<Record<Capability, readonly (keyof ProviderSecrets)[]>> = {
  identity: KEY_PAIR,
  carrier: KEY_PAIR,
  bank: KEY_PAIR,
  ocr: KEY_PAIR,
  face: KEY_PAIR,
  sms: [...KEY_PAIR, "TENCENTCLOUD_SMS_SDK_APP_ID", "TENCENTCLOUD_SMS_SIGN_NAME", "TENCENTCLOUD_SMS_TEMPLATE_ID"],
};

export function providersFor(mode: { livemode: boolean }, secrets: ProviderSecrets, deps: ProviderDeps = {}): Providers {
  if (!mode.livemode) {
    return { identity: sandboxIdentity(), carrier: sandboxCarrier(), bank: sandboxBank(), ocr: sandboxOcr(), sms: sandboxSms(), face: sandboxFace(), alipayFace: sandboxAlipayFace() };
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
  const alipayReady = allPresent(secrets, ALIPAY_SECRETS);
  return {
    alipayFace: alipayReady
      ? alipayFace({
          ...transport,
          appId: present(secrets.ALIPAY_APP_ID),
          appPrivateKey: present(secrets.ALIPAY_PRIVATE_KEY),
          alipayPublicKey: present(secrets.ALIPAY_PUBLIC_KEY),
          // Unset: the client's own default, Alipay's production gateway.
          gateway: present(secrets.ALIPAY_GATEWAY) || undefined,
        })
      : null,
    identity: ready("identity") ? tencentCloudIdentity(settings) : notConfigured.notConfiguredIdentity,
    carrier: ready("carrier") ? tencentCloudCarrier(settings) : notConfigured.notConfiguredCarrier,
    bank: ready("bank") ? tencentCloudBank(settings) : notConfigured.notConfiguredBank,
    ocr: ready("ocr") ? tencentCloudOcr(settings) : notConfigured.notConfiguredOcr,
    face: ready("face") ? tencentCloudFace(settings) : notConfigured.notConfiguredFace,
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
  const missing = capabilities.filter((capability) => !allPresent(secrets, REQUIRED_SECRETS[capability]));
  return [...new Set(missing)];
}

function allPresent(secrets: ProviderSecrets, names: readonly (keyof ProviderSecrets)[]): boolean {
  return names.every((name) => present(secrets[name]) !== "");
}

function present(value: string | undefined): string {
  return value?.trim() ?? "";
}

// The one way the live adapters reach the Alipay open platform: sign the common parameters with
// RSA2, POST them form-encoded to the gateway, and trust only a response whose signature from
// Alipay verifies over the raw text. Every failure becomes `unavailable` here, once. It must never
// throw for a vendor failure, log a payload (it holds names and ID numbers), or read env.
import { z } from "zod";
import { unavailable, type UnavailableAnswer } from "../answer";
import { postForText, type Transport } from "../deadline";
import { beijingTimestamp } from "./beijing-time";
import { type AlipayCertificates, type CertMode, certModeOf } from "./cert-mode";
import { importAlipayPublicKey, importAppPrivateKey } from "./keys";
import { rawObjectMember } from "./raw-member";
import { signingString, signRsa2, verifyRsa2 } from "./rsa2";

export const ALIPAY_PROVIDER = "alipay";
export const ALIPAY_GATEWAY = "https://openapi.alipay.com/gateway.do";
/** Alipay's own sandbox, for trying a sandbox app's keys against the live code path. */
export const ALIPAY_SANDBOX_GATEWAY = "https://openapi-sandbox.dl.alipaydev.com/gateway.do";

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded;charset=utf-8";
const SUCCESS = "10000";

/** What the live adapter is built with; the transport is injected so tests can play Alipay. */
export type AlipaySettings = Transport & {
  appId: string;
  /** PKCS#8 or PKCS#1, PEM or bare base64. */
  appPrivateKey: string;
  /** SPKI, PEM or bare base64: the public-key mode. */
  alipayPublicKey?: string;
  /** The public-key-certificate mode (the fund APIs require it): when set, Alipay's key is its certificate's, and alipayPublicKey is not read. */
  certificates?: AlipayCertificates;
  /** Defaults to ALIPAY_GATEWAY. */
  gateway?: string;
};

/** A verified `<method>_response` whose code was 10000. */
export type AlipayReply = { outcome: "response"; body: Record<string, unknown> };

const envelopeSchema = z.looseObject({ sign: z.unknown().optional(), alipay_cert_sn: z.unknown().optional() });
const resultSchema = z.looseObject({ code: z.string(), sub_code: z.string().optional() });

/** A short code for the log: Alipay's sub_code, else its code, in a character set safe anywhere. */
function failureDetail(result: z.infer<typeof resultSchema>): string {
  const detail = result.sub_code?.trim() || `code_${result.code}`;
  return detail.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 64);
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function signedParams(settings: AlipaySettings, key: CryptoKey, certs: CertMode | null, method: string, bizContent: Record<string, unknown>) {
  const params: Record<string, string> = {
    ...(certs ? { app_cert_sn: certs.appCertSn, alipay_root_cert_sn: certs.rootCertSn } : {}),
    app_id: settings.appId,
    method,
    format: "JSON",
    charset: "utf-8",
    sign_type: "RSA2",
    timestamp: beijingTimestamp(settings.now()),
    version: "1.0",
    biz_content: JSON.stringify(bizContent),
  };
  params.sign = await signRsa2(key, signingString(params));
  return params;
}

export async function callAlipay(settings: AlipaySettings, method: string, bizContent: Record<string, unknown>): Promise<AlipayReply | UnavailableAnswer> {
  // Both keys before anything is sent: without Alipay's key no answer could be trusted, so the
  // applicant's name and ID number must not leave at all.
  const [privateKey, trust] = await Promise.all([importAppPrivateKey(settings.appPrivateKey), alipayTrust(settings)]);
  if (!privateKey || !trust) return unavailable(ALIPAY_PROVIDER, settings.certificates ? "alipay_cert_invalid" : "alipay_key_invalid");
  const body = new URLSearchParams(await signedParams(settings, privateKey, trust.certs, method, bizContent));

  const sent = await postForText(settings, settings.gateway ?? ALIPAY_GATEWAY, { headers: { "Content-Type": FORM_CONTENT_TYPE }, body });
  if ("detail" in sent) return unavailable(ALIPAY_PROVIDER, sent.detail);
  return readReply(sent.text, `${method.replaceAll(".", "_")}_response`, trust);
}

/** Whom an answer must come from: Alipay's public key, and in certificate mode the certificate it is in. */
type Trust = { publicKey: CryptoKey; certs: CertMode | null };

async function alipayTrust(settings: AlipaySettings): Promise<Trust | null> {
  if (settings.certificates) {
    const certs = await certModeOf(settings.certificates);
    return certs ? { publicKey: certs.publicKey, certs } : null;
  }
  const publicKey = settings.alipayPublicKey ? await importAlipayPublicKey(settings.alipayPublicKey) : null;
  return publicKey ? { publicKey, certs: null } : null;
}

async function readReply(text: string, responseKey: string, trust: Trust): Promise<AlipayReply | UnavailableAnswer> {
  const { publicKey } = trust;
  const parsed = parseObject(text);
  if (parsed === undefined) return unavailable(ALIPAY_PROVIDER, "invalid_json");
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) return unavailable(ALIPAY_PROVIDER, "unexpected_response");
  const name = responseKey in envelope.data ? responseKey : "error_response" in envelope.data ? "error_response" : undefined;
  const raw = name === undefined ? undefined : rawObjectMember(text, name);
  if (raw === undefined) return unavailable(ALIPAY_PROVIDER, "unexpected_response");

  const sign = envelope.data.sign;
  const signed = typeof sign === "string" && sign !== "";
  // The gateway answers some errors under error_response without a signature. Believing one
  // unverified costs nothing: all it can do is make the answer "unavailable".
  if (!signed && name !== "error_response") return unavailable(ALIPAY_PROVIDER, "bad_signature");
  // Signed under another certificate of Alipay's (it renewed its own): the one configured cannot vouch for it.
  const certSn = envelope.data.alipay_cert_sn;
  if (signed && trust.certs && typeof certSn === "string" && certSn !== trust.certs.alipayCertSn) return unavailable(ALIPAY_PROVIDER, "alipay_cert_changed");
  if (signed && !(await verifiesAsSigned(publicKey, raw, sign))) return unavailable(ALIPAY_PROVIDER, "bad_signature");

  // Parsed from the verified text itself, so a body with the member twice cannot swap in an unsigned copy.
  const result = resultSchema.safeParse(parseObject(raw));
  if (!result.success) return unavailable(ALIPAY_PROVIDER, "unexpected_response");
  if (name === "error_response" || result.data.code !== SUCCESS) return unavailable(ALIPAY_PROVIDER, failureDetail(result.data));
  return { outcome: "response", body: result.data };
}

// Alipay signs some answers before its JSON encoder escapes "/" as "\/" (URLs in material_info):
// its own SDKs check the text as sent, then with the escapes undone. Either way the bytes checked
// are ones Alipay signed, so nothing unsigned is believed.
async function verifiesAsSigned(publicKey: CryptoKey, raw: string, sign: string): Promise<boolean> {
  if (await verifyRsa2(publicKey, raw, sign)) return true;
  return raw.includes("\\/") && verifyRsa2(publicKey, raw.replaceAll("\\/", "/"), sign);
}

/**
 * The signed gateway URL for a page method (the applicant's browser opens it; nothing is sent
 * from here). It carries the signing timestamp, so build it when the applicant is about to use it.
 */
export async function alipayPageUrl(settings: AlipaySettings, method: string, bizContent: Record<string, unknown>): Promise<string | UnavailableAnswer> {
  const privateKey = await importAppPrivateKey(settings.appPrivateKey);
  if (!privateKey) return unavailable(ALIPAY_PROVIDER, "alipay_key_invalid");
  const gateway = settings.gateway ?? ALIPAY_GATEWAY;
  if (!URL.canParse(gateway)) return unavailable(ALIPAY_PROVIDER, "invalid_gateway");
  const url = new URL(gateway);
  const certs = settings.certificates ? await certModeOf(settings.certificates) : null;
  if (settings.certificates && !certs) return unavailable(ALIPAY_PROVIDER, "alipay_cert_invalid");
  url.search = new URLSearchParams(await signedParams(settings, privateKey, certs, method, bizContent)).toString();
  return url.toString();
}

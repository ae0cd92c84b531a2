// ACS3-HMAC-SHA256, Aliyun's V3 request signature (the one its docs now ask for; the HMAC-SHA1 V2
// signature is discontinued), with Web Crypto only. Pure: the caller passes the time and the nonce,
// so the same inputs always give the same headers. It signs the exact body string that is then
// sent; it must never read a clock or env, or return the secret in anything but the signature.
import { toHex, utf8 } from "../../crypto/encoding";
import { sha256Hex } from "../../crypto/hash";

export type Acs3Input = {
  accessKeyId: string;
  accessKeySecret: string;
  host: string;
  action: string;
  version: string;
  /** Unix seconds; sent as x-acs-date in UTC. */
  timestamp: number;
  /** Unique per request: Aliyun refuses a nonce it has seen, so a captured request cannot be replayed. */
  nonce: string;
  contentType: string;
  /** The request body, byte for byte as it will be sent. */
  body: string;
};

export type Acs3Signature = {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  /** Headers to send. Host is left to fetch, which derives it from the URL that was signed. */
  headers: Record<string, string>;
};

const ALGORITHM = "ACS3-HMAC-SHA256";

export async function signAcs3(input: Acs3Input): Promise<Acs3Signature> {
  const hashedBody = await sha256Hex(input.body);
  // Every header but Authorization is signed, the content type and the host included.
  const signed: Record<string, string> = {
    "content-type": input.contentType,
    host: input.host.toLowerCase(),
    "x-acs-action": input.action,
    "x-acs-content-sha256": hashedBody,
    "x-acs-date": acsDate(input.timestamp),
    "x-acs-signature-nonce": input.nonce,
    "x-acs-version": input.version,
  };
  const names = Object.keys(signed).sort();
  const canonicalHeaders = names.map((name) => `${name}:${(signed[name] ?? "").trim()}\n`).join("");
  const signedHeaders = names.join(";");
  // POST to "/" with an empty query string: every parameter is in the signed body.
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, signedHeaders, hashedBody].join("\n");
  const stringToSign = `${ALGORITHM}\n${await sha256Hex(canonicalRequest)}`;
  const signature = toHex(await hmacSha256(input.accessKeySecret, stringToSign));

  const { host: _derivedByFetch, ...sent } = signed;
  const headers: Record<string, string> = {
    Authorization: `${ALGORITHM} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
    ...sent,
  };
  return { canonicalRequest, stringToSign, signature, headers };
}

/** ISO 8601 in UTC to the second, as x-acs-date wants it: 2023-11-14T22:13:20Z. */
export function acsDate(timestamp: number): string {
  return `${new Date(timestamp * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * RFC 3986 percent-encoding (only A-Z a-z 0-9 - _ . ~ left bare), the encoding Aliyun's signature
 * rules use; encodeURIComponent alone leaves ! ' ( ) * as they are.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A form body with its keys sorted, so the same parameters always give the same bytes. */
export function formBody(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key] ?? "")}`)
    .join("&");
}

async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", utf8.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8.encode(message)));
}

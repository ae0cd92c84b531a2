// TC3-HMAC-SHA256, the request signature of Tencent Cloud API 3.0, with Web Crypto only. Pure:
// the caller passes the timestamp, so the same inputs always give the same headers. It signs the
// exact payload string that is then sent; it must never re-serialise JSON, read a clock or env,
// or put the secret key (or a key derived from it) into anything it returns but the signature.
import { toHex, utf8 } from "../../crypto/encoding";
import { sha256Hex } from "../../crypto/hash";

export type Tc3Input = {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  action: string;
  version: string;
  /** Omitted from the headers when empty: some FaceID actions take no region. */
  region: string;
  /** Unix seconds; the credential scope date is its UTC date. */
  timestamp: number;
  /** The request body, byte for byte as it will be sent. */
  payload: string;
};

export type Tc3Signature = {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
  /** Headers to send. Host is left to fetch, which derives it from the URL that was signed. */
  headers: Record<string, string>;
};

const ALGORITHM = "TC3-HMAC-SHA256";
// Signed exactly as sent: some HTTP stacks append a charset, and any difference fails the check.
export const TC3_CONTENT_TYPE = "application/json; charset=utf-8";
// The action is signed too, so a captured signature cannot be replayed against another action.
const SIGNED_HEADERS = "content-type;host;x-tc-action";

export async function signTc3(input: Tc3Input): Promise<Tc3Signature> {
  const date = utcDate(input.timestamp);
  const canonicalHeaders = `content-type:${TC3_CONTENT_TYPE}\n` + `host:${input.host.toLowerCase()}\n` + `x-tc-action:${input.action.toLowerCase()}\n`;
  // POST with an empty query string: the whole request is in the JSON body.
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, SIGNED_HEADERS, await sha256Hex(input.payload)].join("\n");
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [ALGORITHM, String(input.timestamp), scope, await sha256Hex(canonicalRequest)].join("\n");
  const signingKey = await deriveSigningKey(input.secretKey, date, input.service);
  const signature = toHex(await hmac(signingKey, stringToSign));
  const authorization = `${ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;

  const headers: Record<string, string> = {
    Authorization: authorization,
    "Content-Type": TC3_CONTENT_TYPE,
    "X-TC-Action": input.action,
    "X-TC-Timestamp": String(input.timestamp),
    "X-TC-Version": input.version,
  };
  if (input.region !== "") headers["X-TC-Region"] = input.region;
  return { canonicalRequest, stringToSign, signature, authorization, headers };
}

/** The key chain date → service → "tc3_request"; exported so a test can check each published step. */
export async function deriveSigningKey(secretKey: string, date: string, service: string): Promise<Uint8Array> {
  const secretDate = await hmac(utf8.encode(`TC3${secretKey}`), date);
  const secretService = await hmac(secretDate, service);
  return hmac(secretService, "tc3_request");
}

/** UTC, never local time: a local date is a day ahead for the first eight hours in China. */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

async function hmac(key: Uint8Array, message: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, utf8.encode(message)));
}

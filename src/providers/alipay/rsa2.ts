// Alipay's RSA2 signature over request parameters and response text. The signing string is the
// parameters sorted by key in ASCII order, as key=value joined with "&", values not URL-encoded,
// skipping `sign` and empty values. Verification must run over the exact text Alipay sent, never
// over something we re-serialised.
import { fromBase64, toBase64, utf8 } from "../../crypto/encoding";

const RSA2 = "RSASSA-PKCS1-v1_5";

export type AlipayParams = Readonly<Record<string, string | undefined>>;

export function signingString(params: AlipayParams): string {
  return (
    Object.entries(params)
      .filter((entry): entry is [string, string] => entry[0] !== "sign" && entry[1] !== undefined && entry[1] !== "")
      // Code-unit order, not localeCompare: the keys are ASCII and Alipay sorts bytes.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${key}=${value}`)
      .join("&")
  );
}

export async function signRsa2(key: CryptoKey, text: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign(RSA2, key, utf8.encode(text))));
}

/** False for a signature that does not verify and for one that is not even base64. */
export async function verifyRsa2(key: CryptoKey, text: string, signature: string): Promise<boolean> {
  try {
    return await crypto.subtle.verify(RSA2, key, fromBase64(signature), utf8.encode(text));
  } catch {
    return false;
  }
}

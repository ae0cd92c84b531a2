// Import the app's private key and Alipay's public key for RSA2 (RSASSA-PKCS1-v1_5, SHA-256),
// from PEM or the bare base64 Alipay's key tool prints. Imported keys are cached per isolate, as
// importing costs far more than signing. A key that cannot be imported is `null`, never a throw;
// it must never log or echo the key text.
import { fromBase64 } from "../../crypto/encoding";
import { pkcs1ToPkcs8, privateKeyFormat } from "./der";

const RSA2 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

// Keyed by the key text itself: the handful of configured keys, never anything from a request.
const privateKeys = new Map<string, Promise<CryptoKey | null>>();
const publicKeys = new Map<string, Promise<CryptoKey | null>>();

/** The DER inside a PEM block or bare base64. Secrets pasted with literal "\n" are common, so those go too. */
function derOf(text: string): Uint8Array | undefined {
  const body = text
    .replace(/\\[nr]/g, "\n")
    .replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, "")
    .replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  try {
    return fromBase64(body);
  } catch {
    return undefined;
  }
}

async function importPrivate(text: string): Promise<CryptoKey | null> {
  const der = derOf(text);
  const format = der && privateKeyFormat(der);
  if (!der || !format) return null;
  const pkcs8 = format === "pkcs1" ? pkcs1ToPkcs8(der) : der;
  return crypto.subtle.importKey("pkcs8", pkcs8, RSA2, false, ["sign"]).catch(() => null);
}

async function importPublic(text: string): Promise<CryptoKey | null> {
  const der = derOf(text);
  if (!der) return null;
  return crypto.subtle.importKey("spki", der, RSA2, false, ["verify"]).catch(() => null);
}

function cached(cache: Map<string, Promise<CryptoKey | null>>, text: string, load: (text: string) => Promise<CryptoKey | null>) {
  let key = cache.get(text);
  if (!key) {
    key = load(text);
    cache.set(text, key);
  }
  return key;
}

/** The app private key, PKCS#8 or PKCS#1. */
export function importAppPrivateKey(text: string): Promise<CryptoKey | null> {
  return cached(privateKeys, text, importPrivate);
}

/** Alipay's public key (SPKI), which signs every response. */
export function importAlipayPublicKey(text: string): Promise<CryptoKey | null> {
  return cached(publicKeys, text, importPublic);
}

// Personal data at rest: AES-256-GCM encryption and HMAC-SHA256 keyed hashes, both derived
// from DATA_KEY with HKDF so one secret never serves two purposes. Plaintext never leaves
// this module except to the caller that asked for it; nothing here logs.
import { fromBase64, fromBase64Url, toBase64Url, toHex, utf8 } from "./encoding";

export type HashPurpose = "id_number" | "phone" | "card_number" | "credential_code" | "sms_code" | "name";

export interface DataCipher {
  encrypt(plaintext: string): Promise<string>;
  decrypt(ciphertext: string): Promise<string>;
  /** Keyed hash for equality look-ups; the purpose is mixed in so hashes of one field never match another's. */
  hash(purpose: HashPurpose | string, value: string): Promise<string>;
}

const VERSION = "v1";

export async function dataCipher(dataKeyBase64: string): Promise<DataCipher> {
  const raw = fromBase64(dataKeyBase64);
  if (raw.length < 32) throw new Error("DATA_KEY must be at least 32 bytes, base64-encoded");
  const master = await crypto.subtle.importKey("raw", raw, "HKDF", false, ["deriveKey"]);
  const derive = (info: string, algorithm: SubtleCryptoImportKeyAlgorithm, usages: string[]) =>
    crypto.subtle.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: utf8.encode(info) }, master, algorithm, false, usages);
  const aes = await derive("shiming/encrypt/v1", { name: "AES-GCM", length: 256 }, ["encrypt", "decrypt"]);
  const mac = await derive("shiming/lookup-hash/v1", { name: "HMAC", hash: "SHA-256", length: 256 }, ["sign"]);

  return {
    async encrypt(plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, aes, utf8.encode(plaintext)));
      const out = new Uint8Array(iv.length + sealed.length);
      out.set(iv);
      out.set(sealed, iv.length);
      return `${VERSION}.${toBase64Url(out)}`;
    },
    async decrypt(ciphertext) {
      const [version, body] = ciphertext.split(".");
      if (version !== VERSION || !body) throw new Error("unknown ciphertext version");
      const bytes = fromBase64Url(body);
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12) }, aes, bytes.slice(12));
      return utf8.decode(plain);
    },
    async hash(purpose, value) {
      return toHex(await crypto.subtle.sign("HMAC", mac, utf8.encode(`${purpose}:${value}`)));
    },
  };
}

// Just enough DER for RSA private keys: tell PKCS#1 from PKCS#8 by their structure, and wrap a
// PKCS#1 key in the PKCS#8 envelope, which is the only private-key form WebCrypto imports.
// Alipay's key tool prints either form, often as bare base64, so the label alone cannot decide.

type Header = { tag: number; contentStart: number; length: number };

// rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, as PKCS#8 names an RSA key.
const RSA_ALGORITHM = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
const VERSION_ZERO = [0x02, 0x01, 0x00];
const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;

function readHeader(der: Uint8Array, offset: number): Header | undefined {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) return undefined;
  if (first < 0x80) return { tag, contentStart: offset + 2, length: first };
  const count = first & 0x7f;
  if (count === 0 || count > 4) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) {
    const byte = der[offset + 2 + i];
    if (byte === undefined) return undefined;
    length = length * 256 + byte;
  }
  return { tag, contentStart: offset + 2 + count, length };
}

/** PKCS#1 is SEQUENCE { INTEGER version, INTEGER modulus, … }; PKCS#8 has a SEQUENCE after the version. */
export function privateKeyFormat(der: Uint8Array): "pkcs1" | "pkcs8" | undefined {
  const outer = readHeader(der, 0);
  if (outer?.tag !== SEQUENCE || outer.contentStart + outer.length !== der.length) return undefined;
  const version = readHeader(der, outer.contentStart);
  if (version?.tag !== INTEGER) return undefined;
  const next = readHeader(der, version.contentStart + version.length);
  if (next?.tag === INTEGER) return "pkcs1";
  if (next?.tag === SEQUENCE) return "pkcs8";
  return undefined;
}

export function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [0x80 | bytes.length, ...bytes];
}

function node(tag: number, content: ArrayLike<number>): Uint8Array {
  const length = derLength(content.length);
  const out = new Uint8Array(1 + length.length + content.length);
  out[0] = tag;
  out.set(length, 1);
  out.set(content, 1 + length.length);
  return out;
}

/** SEQUENCE { INTEGER 0, rsaEncryption, OCTET STRING { pkcs1 } }. */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array {
  const key = node(OCTET_STRING, pkcs1);
  const content = new Uint8Array(VERSION_ZERO.length + RSA_ALGORITHM.length + key.length);
  content.set(VERSION_ZERO, 0);
  content.set(RSA_ALGORITHM, VERSION_ZERO.length);
  content.set(key, VERSION_ZERO.length + RSA_ALGORITHM.length);
  return node(SEQUENCE, content);
}

// Just enough X.509 for Alipay's public-key-certificate mode (公钥证书模式), which its fund APIs
// require: a certificate's SN as Alipay computes it (MD5 of the issuer's RFC 2253 name followed by
// the serial number in decimal, as Java's X500Principal.getName() and BigInteger print them), the
// root chain's SN (the RSA-signed certificates' SNs joined by "_"), and the public key inside
// Alipay's own certificate. Reads DER only; it never checks a chain (Alipay's SDKs do not either:
// the response signature, checked with the key, is what is trusted).
import { fromBase64 } from "../../crypto/encoding";
import { md5Hex } from "../../crypto/md5";

type Node = { tag: number; start: number; content: Uint8Array; end: number };

function readNode(der: Uint8Array, offset: number): Node | null {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) return null;
  let length = first;
  let start = offset + 2;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] ?? Number.NaN);
    start += count;
  }
  const end = start + length;
  if (!Number.isFinite(length) || end > der.length) return null;
  return { tag, start: offset, content: der.subarray(start, end), end };
}

function children(parent: Uint8Array): Node[] | null {
  const out: Node[] = [];
  for (let at = 0; at < parent.length; ) {
    const child = readNode(parent, at);
    if (!child) return null;
    out.push(child);
    at = child.end;
  }
  return out;
}

function oidOf(bytes: Uint8Array): string {
  const parts: number[] = [Math.floor((bytes[0] ?? 0) / 40), (bytes[0] ?? 0) % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

// The attribute types Java's RFC 2253 form names by keyword; any other is printed as its OID.
const KEYWORDS: Readonly<Record<string, string>> = {
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "STREET",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "0.9.2342.19200300.100.1.1": "UID",
  "0.9.2342.19200300.100.1.25": "DC",
};
const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14, 0x1e]);

function escapeValue(value: string): string {
  return value
    .replace(/[,+"\\<>;]/g, "\\$&")
    .replace(/^[ #]/, "\\$&")
    .replace(/ $/, "\\ ");
}

function attributeText(attribute: Node): string | null {
  const [type, value] = children(attribute.content) ?? [];
  if (!type || !value || type.tag !== 0x06) return null;
  const oid = oidOf(type.content);
  const keyword = KEYWORDS[oid];
  if (!keyword || !STRING_TAGS.has(value.tag)) {
    // RFC 2253 2.4: an unnamed type's value is its whole DER, in hex after "#".
    const der = new Uint8Array(value.end - value.start);
    der.set(attribute.content.subarray(value.start, value.end));
    return `${oid}=#${hex(der)}`;
  }
  const text =
    value.tag === 0x1e
      ? String.fromCharCode(...Array.from({ length: value.content.length / 2 }, (_, i) => (value.content[2 * i]! << 8) | value.content[2 * i + 1]!))
      : new TextDecoder().decode(value.content);
  return `${keyword}=${escapeValue(text)}`;
}

/** A Name in RFC 2253 form: the RDNs last first, "+" within one. */
function rfc2253(name: Node): string | null {
  const rdns = children(name.content);
  if (!rdns) return null;
  const texts: string[] = [];
  for (const rdn of rdns) {
    const parts = (children(rdn.content) ?? []).map(attributeText);
    if (parts.length === 0 || parts.some((p) => p === null)) return null;
    texts.push(parts.join("+"));
  }
  return texts.reverse().join(",");
}

export interface CertificateFacts {
  /** MD5(issuer + serial) in hex, as Alipay names the certificate. */
  sn: string;
  /** The outer signature's algorithm, e.g. 1.2.840.113549.1.1.11 (sha256WithRSAEncryption). */
  signatureAlgorithm: string;
  /** The SubjectPublicKeyInfo, to import as an SPKI key. */
  spki: Uint8Array;
}

export function certificateFacts(der: Uint8Array): CertificateFacts | null {
  const cert = readNode(der, 0);
  const [tbs, algorithm] = cert ? (children(cert.content) ?? []) : [];
  if (!tbs || !algorithm) return null;
  const fields = children(tbs.content);
  if (!fields) return null;
  // TBSCertificate: [0] version (optional), serial, signature, issuer, validity, subject, spki, …
  const at = fields[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer, , , spki] = fields.slice(at);
  const algorithmOid = children(algorithm.content)?.[0];
  if (serial?.tag !== 0x02 || issuer?.tag !== 0x30 || spki?.tag !== 0x30 || algorithmOid?.tag !== 0x06) return null;
  const issuerText = rfc2253(issuer);
  if (issuerText === null) return null;
  const serialDecimal = BigInt(`0x${hex(serial.content) || "0"}`).toString(10);
  const spkiDer = tbs.content.slice(spki.start, spki.end);
  const sn = md5Hex(new TextEncoder().encode(issuerText + serialDecimal));
  return { sn, signatureAlgorithm: oidOf(algorithmOid.content), spki: spkiDer };
}

/** Each certificate of a PEM text (a chain holds several), as DER. */
export function pemCertificates(text: string): Uint8Array[] {
  const blocks = text.replace(/\\[nr]/g, "\n").match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  const out: Uint8Array[] = [];
  for (const block of blocks) {
    const body = block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
    try {
      out.push(fromBase64(body));
    } catch {
      return [];
    }
  }
  return out;
}

// sha1WithRSAEncryption and sha256WithRSAEncryption: the root chain's SN names only these.
const RSA_SIGNED = new Set(["1.2.840.113549.1.1.5", "1.2.840.113549.1.1.11"]);

/** The alipay_root_cert_sn of Alipay's root chain (alipayRootCert.crt), or null if it holds no RSA-signed certificate. */
export function rootChainSn(pem: string): string | null {
  const sns: string[] = [];
  for (const der of pemCertificates(pem)) {
    const facts = certificateFacts(der);
    if (!facts) return null;
    if (RSA_SIGNED.has(facts.signatureAlgorithm)) sns.push(facts.sn);
  }
  return sns.length > 0 ? sns.join("_") : null;
}

// Alipay's certificate SNs from our DER reading, against the SNs openssl and Python worked out
// for the same test certificates (test-certificates.ts): the issuer in RFC 2253 form (a comma
// escaped), the serial in decimal, and the root chain naming its RSA-signed certificates only.
import { describe, expect, it } from "vitest";
import { certificateFacts, pemCertificates, rootChainSn } from "../../../../src/providers/alipay/x509";
import { ALIPAY_CERT, APP_CERT, EXPECTED, ROOT_CHAIN } from "./test-certificates";

const only = (pem: string) => pemCertificates(pem)[0]!;

describe("Alipay certificate SNs", () => {
  it("should name the app's and Alipay's certificates as openssl's issuer and serial do", () => {
    expect(certificateFacts(only(APP_CERT))?.sn).toBe(EXPECTED.appCertSn);
    expect(certificateFacts(only(ALIPAY_CERT))?.sn).toBe(EXPECTED.alipayCertSn);
  });

  it("should name the root chain by its RSA-signed certificates, in order, leaving the ECC one out", () => {
    expect(pemCertificates(ROOT_CHAIN)).toHaveLength(3);
    expect(rootChainSn(ROOT_CHAIN)).toBe(EXPECTED.rootCertSn);
    // Pasted into a secret with literal "\n", as dashboards often keep multi-line values.
    expect(rootChainSn(ROOT_CHAIN.replaceAll("\n", "\\n"))).toBe(EXPECTED.rootCertSn);
  });

  it("should give the public key inside the certificate as an SPKI WebCrypto imports", async () => {
    const { spki } = certificateFacts(only(ALIPAY_CERT))!;
    const key = await crypto.subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    expect(key.type).toBe("public");
  });

  it("should answer null for what is not a certificate, never throw", () => {
    expect(pemCertificates("not a certificate")).toEqual([]);
    expect(certificateFacts(new Uint8Array([0x30, 0x82, 0xff, 0xff, 0x00]))).toBeNull();
    const cut = only(APP_CERT).subarray(0, 200);
    expect(certificateFacts(cut)).toBeNull();
    expect(rootChainSn("")).toBeNull();
  });
});

// The app key in every form Alipay's tools produce must import and sign a signature Node's own RSA
// accepts; PKCS#1 must be wrapped exactly as PKCS#8 encodes it; anything else is null, not a throw.
import { describe, expect, it } from "vitest";
import { derLength, pkcs1ToPkcs8, privateKeyFormat } from "../../../../src/providers/alipay/der";
import { importAlipayPublicKey, importAppPrivateKey } from "../../../../src/providers/alipay/keys";
import { signRsa2 } from "../../../../src/providers/alipay/rsa2";
import { ALIPAY_KEYS, APP_KEYS, bare, derOf, nodeVerify } from "./fake-alipay";

const TEXT = 'app_id=2021000000000000&biz_content={"cert_name":"张三"}&method=alipay.user.certify.open.query';

describe("der", () => {
  it("should tell PKCS#1 from PKCS#8 by structure, not by label", () => {
    expect(privateKeyFormat(derOf(APP_KEYS.pkcs1))).toBe("pkcs1");
    expect(privateKeyFormat(derOf(APP_KEYS.pkcs8))).toBe("pkcs8");
    expect(privateKeyFormat(derOf(APP_KEYS.spki))).toBeUndefined();
    expect(privateKeyFormat(derOf(APP_KEYS.pkcs1).subarray(0, 100))).toBeUndefined();
    expect(privateKeyFormat(new Uint8Array())).toBeUndefined();
  });

  it("should wrap PKCS#1 into the same bytes Node's own PKCS#8 export has", () => {
    expect(pkcs1ToPkcs8(derOf(APP_KEYS.pkcs1))).toEqual(derOf(APP_KEYS.pkcs8));
  });

  it.each([
    [0, [0x00]],
    [0x7f, [0x7f]],
    [0x80, [0x81, 0x80]],
    [0xff, [0x81, 0xff]],
    [0x100, [0x82, 0x01, 0x00]],
    [1192, [0x82, 0x04, 0xa8]],
    [0x10000, [0x83, 0x01, 0x00, 0x00]],
  ])("should encode the length %i in DER form", (length, expected) => {
    expect(derLength(length)).toEqual(expected);
  });
});

describe("importAppPrivateKey", () => {
  it.each([
    ["PKCS#8 PEM", APP_KEYS.pkcs8],
    ["PKCS#1 PEM", APP_KEYS.pkcs1],
    ["bare PKCS#8 base64", bare(APP_KEYS.pkcs8)],
    ["bare PKCS#1 base64", bare(APP_KEYS.pkcs1)],
    ["a PEM pasted into a secret with literal \\n", APP_KEYS.pkcs1.replace(/\n/g, "\\n")],
  ])("should import %s and sign what node:crypto verifies", async (_title, text) => {
    const key = await importAppPrivateKey(text);
    expect(key).not.toBeNull();
    const signature = await signRsa2(key!, TEXT);
    expect(nodeVerify(APP_KEYS.spki, TEXT, signature)).toBe(true);
    expect(nodeVerify(ALIPAY_KEYS.spki, TEXT, signature)).toBe(false);
  });

  it("should cache the imported key per key text", async () => {
    const first = await importAppPrivateKey(bare(APP_KEYS.pkcs8));
    expect(await importAppPrivateKey(bare(APP_KEYS.pkcs8))).toBe(first);
  });

  it.each([
    ["an empty string", ""],
    ["not base64", "not a key at all!"],
    ["base64 that is no key", btoa("hello, alipay")],
    ["a public key in the private slot", APP_KEYS.spki],
    ["a truncated key", bare(APP_KEYS.pkcs1).slice(0, 400)],
  ])("should answer null, not throw, for %s", async (_title, text) => {
    await expect(importAppPrivateKey(text)).resolves.toBeNull();
  });
});

describe("importAlipayPublicKey", () => {
  it.each([
    ["SPKI PEM", ALIPAY_KEYS.spki],
    ["bare SPKI base64", bare(ALIPAY_KEYS.spki)],
  ])("should import %s", async (_title, text) => {
    expect(await importAlipayPublicKey(text)).not.toBeNull();
  });

  it.each([
    ["an empty string", ""],
    ["a private key in the public slot", ALIPAY_KEYS.pkcs8],
    ["not base64", "-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----"],
  ])("should answer null, not throw, for %s", async (_title, text) => {
    await expect(importAlipayPublicKey(text)).resolves.toBeNull();
  });
});

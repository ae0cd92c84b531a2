// The signing string is where Alipay integrations usually go wrong: order, skipped values and
// encoding. Signatures are checked both ways against Node's own RSA as an independent oracle.
import { describe, expect, it } from "vitest";
import { importAlipayPublicKey, importAppPrivateKey } from "../../../../src/providers/alipay/keys";
import { signingString, signRsa2, verifyRsa2 } from "../../../../src/providers/alipay/rsa2";
import { ALIPAY_KEYS, APP_KEYS, nodeSign, nodeVerify } from "./fake-alipay";

describe("signingString", () => {
  it("should sort by key in ASCII order, skip sign and empty values, and leave values unencoded", () => {
    const params = {
      timestamp: "2023-11-15 06:13:20",
      sign: "must-not-be-signed",
      biz_content: '{"cert_name":"张三","return_url":"https://example.com/p?a=1&b=2"}',
      app_id: "2021000000000000",
      notify_url: "",
      app_auth_token: undefined,
      appId: "uppercase-I sorts before underscore",
      app: "a prefix sorts first",
      Method: "uppercase sorts before lowercase",
    };
    expect(signingString(params)).toBe(
      "Method=uppercase sorts before lowercase" +
        "&app=a prefix sorts first" +
        "&appId=uppercase-I sorts before underscore" +
        "&app_id=2021000000000000" +
        '&biz_content={"cert_name":"张三","return_url":"https://example.com/p?a=1&b=2"}' +
        "&timestamp=2023-11-15 06:13:20",
    );
  });

  it("should be empty for nothing to sign", () => {
    expect(signingString({ sign: "x", empty: "" })).toBe("");
  });
});

describe("signRsa2 and verifyRsa2", () => {
  const text = 'biz_content={"cert_no":"11010119900307123X","cert_name":"李四"}&charset=utf-8';

  it("should sign UTF-8 text so that node:crypto verifies it, and only for that text", async () => {
    const signature = await signRsa2((await importAppPrivateKey(APP_KEYS.pkcs1))!, text);
    expect(nodeVerify(APP_KEYS.spki, text, signature)).toBe(true);
    expect(nodeVerify(APP_KEYS.spki, text.replace("李四", "李五"), signature)).toBe(false);
  });

  it("should be deterministic, as PKCS#1 v1.5 is", async () => {
    const key = (await importAppPrivateKey(APP_KEYS.pkcs8))!;
    expect(await signRsa2(key, text)).toBe(await signRsa2(key, text));
    expect(await signRsa2(key, text)).toBe(nodeSign(APP_KEYS.pkcs8, text));
  });

  it("should accept a node:crypto signature and refuse a tampered text, another key's signature or garbage", async () => {
    const key = (await importAlipayPublicKey(ALIPAY_KEYS.spki))!;
    const signature = nodeSign(ALIPAY_KEYS.pkcs8, text);
    expect(await verifyRsa2(key, text, signature)).toBe(true);
    expect(await verifyRsa2(key, `${text} `, signature)).toBe(false);
    expect(await verifyRsa2(key, text, nodeSign(APP_KEYS.pkcs8, text))).toBe(false);
    expect(await verifyRsa2(key, text, "%%% not base64 %%%")).toBe(false);
    expect(await verifyRsa2(key, text, "")).toBe(false);
  });
});

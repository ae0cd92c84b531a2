// TC3 signing checked against the worked example in Tencent Cloud's "Signature v3" documentation
// (cvm DescribeInstances in ap-guangzhou at 1551113065): every published intermediate value, the
// derived keys, and the final Authorization header, byte for byte.
import { describe, expect, it } from "vitest";
import { toHex } from "../../../../src/crypto/encoding";
import { deriveSigningKey, signTc3, utcDate } from "../../../../src/providers/tencentcloud/tc3";

// The documentation masks both secrets with asterisks; the published values are computed from
// those literal asterisks, so they are the test's secrets too.
const PUBLISHED = {
  secretId: `AKID${"*".repeat(32)}`,
  secretKey: "*".repeat(32),
  service: "cvm",
  host: "cvm.tencentcloudapi.com",
  action: "DescribeInstances",
  version: "2017-03-12",
  region: "ap-guangzhou",
  timestamp: 1551113065,
  // The \u escapes are part of the signed bytes: the example signs the JSON exactly as sent.
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
};

const CANONICAL_REQUEST = [
  "POST",
  "/",
  "",
  "content-type:application/json; charset=utf-8",
  "host:cvm.tencentcloudapi.com",
  "x-tc-action:describeinstances",
  "",
  "content-type;host;x-tc-action",
  "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
].join("\n");

const STRING_TO_SIGN = ["TC3-HMAC-SHA256", "1551113065", "2019-02-25/cvm/tc3_request", "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84"].join("\n");

const SIGNATURE = "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f";

const AUTHORIZATION =
  "TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, " +
  "SignedHeaders=content-type;host;x-tc-action, " +
  "Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f";

describe("TC3-HMAC-SHA256", () => {
  it("should build the published canonical request", async () => {
    expect((await signTc3(PUBLISHED)).canonicalRequest).toBe(CANONICAL_REQUEST);
  });

  it("should build the published string to sign", async () => {
    expect((await signTc3(PUBLISHED)).stringToSign).toBe(STRING_TO_SIGN);
  });

  it("should derive the published SecretDate, SecretService and SecretSigning", async () => {
    // Each step is checked by deriving with the previous step's published value as the key.
    const signing = await deriveSigningKey(PUBLISHED.secretKey, "2019-02-25", "cvm");
    expect(toHex(signing)).toBe("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af");
    const secretDate = await hmacHex(new TextEncoder().encode(`TC3${PUBLISHED.secretKey}`), "2019-02-25");
    expect(secretDate).toBe("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0");
    const secretService = await hmacHex(fromHex(secretDate), "cvm");
    expect(secretService).toBe("8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f");
    expect(await hmacHex(fromHex(secretService), "tc3_request")).toBe(toHex(signing));
  });

  it("should produce the published signature and Authorization header", async () => {
    const signed = await signTc3(PUBLISHED);
    expect(signed.signature).toBe(SIGNATURE);
    expect(signed.authorization).toBe(AUTHORIZATION);
  });

  it("should send the published headers", async () => {
    expect((await signTc3(PUBLISHED)).headers).toEqual({
      Authorization: AUTHORIZATION,
      "Content-Type": "application/json; charset=utf-8",
      "X-TC-Action": "DescribeInstances",
      "X-TC-Timestamp": "1551113065",
      "X-TC-Version": "2017-03-12",
      "X-TC-Region": "ap-guangzhou",
    });
  });

  it("should date the scope in UTC, not in China's time zone", () => {
    // 1551113065 is 2019-02-26 00:44:25 in Beijing but still 2019-02-25 in UTC.
    expect(utcDate(1551113065)).toBe("2019-02-25");
  });

  it("should leave out X-TC-Region when no region is given", async () => {
    expect((await signTc3({ ...PUBLISHED, region: "" })).headers).not.toHaveProperty("X-TC-Region");
  });
});

async function hmacHex(key: Uint8Array, message: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toHex(await crypto.subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(message)));
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

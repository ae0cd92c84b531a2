// ACS3-HMAC-SHA256 against a computation written out here from Aliyun's published steps
// (canonical request, its SHA-256 hex after the algorithm name, HMAC-SHA256 hex with the AccessKey
// secret), with its own Web Crypto calls, plus the encodings it depends on.
import { describe, expect, it } from "vitest";
import { acsDate, formBody, percentEncode, signAcs3, type Acs3Input } from "../../../../src/providers/aliyun/acs3";

const INPUT: Acs3Input = {
  accessKeyId: "LTAItestonlyNOTAREALKEY",
  accessKeySecret: "test-only-aliyun-secret",
  host: "cloudauth.aliyuncs.com",
  action: "EntElementVerifyV2",
  version: "2022-11-25",
  timestamp: 1_700_000_000,
  nonce: "3ee8c1b883d344afa94f4e0ad82fd6cf",
  contentType: "application/x-www-form-urlencoded",
  body: formBody({ EntName: "示例（北京）有限公司", InfoVerifyType: "ENT_3META" }),
};

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
const bytes = (text: string) => new TextEncoder().encode(text);
const sha256Of = async (text: string) => hex(await crypto.subtle.digest("SHA-256", bytes(text)));
async function hmacOf(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", bytes(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", key, bytes(text)));
}

describe("signAcs3", () => {
  it("should build the canonical request Aliyun documents, headers sorted, a blank line before the signed names", async () => {
    const signed = await signAcs3(INPUT);
    const sha256 = await sha256Of(INPUT.body);
    expect(signed.canonicalRequest).toBe(
      [
        "POST",
        "/",
        "",
        "content-type:application/x-www-form-urlencoded",
        "host:cloudauth.aliyuncs.com",
        "x-acs-action:EntElementVerifyV2",
        `x-acs-content-sha256:${sha256}`,
        "x-acs-date:2023-11-14T22:13:20Z",
        "x-acs-signature-nonce:3ee8c1b883d344afa94f4e0ad82fd6cf",
        "x-acs-version:2022-11-25",
        "",
        "content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
        sha256,
      ].join("\n"),
    );
  });

  it("should sign the SHA-256 of the canonical request with HMAC-SHA256 of the secret", async () => {
    const signed = await signAcs3(INPUT);
    const stringToSign = `ACS3-HMAC-SHA256\n${await sha256Of(signed.canonicalRequest)}`;
    expect(signed.stringToSign).toBe(stringToSign);
    expect(signed.signature).toBe(await hmacOf(INPUT.accessKeySecret, stringToSign));
  });

  it("should send every signed header but host, and the Authorization naming the key and the signed headers", async () => {
    const signed = await signAcs3(INPUT);
    expect(signed.headers).toEqual({
      Authorization: `ACS3-HMAC-SHA256 Credential=LTAItestonlyNOTAREALKEY,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=${signed.signature}`,
      "content-type": "application/x-www-form-urlencoded",
      "x-acs-action": "EntElementVerifyV2",
      "x-acs-content-sha256": await sha256Of(INPUT.body),
      "x-acs-date": "2023-11-14T22:13:20Z",
      "x-acs-signature-nonce": INPUT.nonce,
      "x-acs-version": "2022-11-25",
    });
    expect(JSON.stringify(signed)).not.toContain(INPUT.accessKeySecret);
  });

  it("should be deterministic, and change with the body, the nonce or the time", async () => {
    const { signature } = await signAcs3(INPUT);
    expect((await signAcs3(INPUT)).signature).toBe(signature);
    for (const change of [{ body: `${INPUT.body}&x=1` }, { nonce: "another" }, { timestamp: INPUT.timestamp + 1 }]) {
      expect((await signAcs3({ ...INPUT, ...change })).signature).not.toBe(signature);
    }
  });
});

describe("the encodings", () => {
  it("should percent-encode as RFC 3986, UTF-8, leaving only unreserved characters bare", () => {
    expect(percentEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
    expect(percentEncode("a b*c!'()")).toBe("a%20b%2Ac%21%27%28%29");
    expect(percentEncode("（")).toBe("%EF%BC%88");
  });

  it("should build a form body with sorted keys that URLSearchParams reads back", () => {
    const body = formBody({ b: "2 2", a: "示例（北京）" });
    expect(body).toBe("a=%E7%A4%BA%E4%BE%8B%EF%BC%88%E5%8C%97%E4%BA%AC%EF%BC%89&b=2%202");
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({ a: "示例（北京）", b: "2 2" });
  });

  it("should write x-acs-date in UTC to the second", () => {
    expect(acsDate(1_700_000_000)).toBe("2023-11-14T22:13:20Z");
  });
});

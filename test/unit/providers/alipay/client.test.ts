// The Alipay client against a fake gateway: what it signs and sends, which answers it trusts
// (only those whose signature verifies over the raw text), and every failure as `unavailable`.
import { describe, expect, it } from "vitest";
import { ALIPAY_GATEWAY, ALIPAY_SANDBOX_GATEWAY, alipayPageUrl, callAlipay } from "../../../../src/providers/alipay/client";
import { TRANSPORT_FAILURES } from "../recorded-fetch";
import { ALIPAY_KEYS, APP_KEYS, alipaySettings, bare, documentedSigningString, fakeAlipay, nodeVerify, responseKey, signedBody } from "./fake-alipay";

const METHOD = "alipay.user.certify.open.query";
const KEY = responseKey(METHOD);
const BIZ = { certify_id: "ZM202311150000000000000000000001", note: "张三 & {x}" };

/** A gateway answering every request with `body`. */
function answering(body: string) {
  return fakeAlipay(() => body);
}

async function callWith(body: string) {
  return callAlipay(alipaySettings(answering(body).fetch), METHOD, BIZ);
}

describe("callAlipay: the request", () => {
  it("should POST every common parameter form-encoded, signed with the app key", async () => {
    const gateway = answering(signedBody(KEY, '{"code":"10000","msg":"Success","passed":"T"}'));
    await callAlipay(alipaySettings(gateway.fetch), METHOD, BIZ);

    const [request] = gateway.requests;
    expect(request?.url).toBe(ALIPAY_GATEWAY);
    expect(request?.method).toBe("POST");
    expect(request?.contentType).toBe("application/x-www-form-urlencoded;charset=utf-8");
    expect(Object.fromEntries(request!.params)).toEqual({
      app_id: "2021000000000000",
      method: METHOD,
      format: "JSON",
      charset: "utf-8",
      sign_type: "RSA2",
      timestamp: "2023-11-15 06:13:20",
      version: "1.0",
      biz_content: JSON.stringify(BIZ),
      sign: expect.any(String),
    });
    expect(request?.biz).toEqual(BIZ);
    expect(nodeVerify(APP_KEYS.spki, documentedSigningString(request!.params), request!.params.get("sign")!)).toBe(true);
  });

  it("should send to a configured gateway", async () => {
    const gateway = answering(signedBody(KEY, '{"code":"10000"}'));
    await callAlipay(alipaySettings(gateway.fetch, { gateway: ALIPAY_SANDBOX_GATEWAY }), METHOD, BIZ);
    expect(gateway.requests[0]?.url).toBe(ALIPAY_SANDBOX_GATEWAY);
  });

  it.each([
    ["app private key", { appPrivateKey: "MIIEnotakey" }],
    ["Alipay public key", { alipayPublicKey: bare(ALIPAY_KEYS.spki).slice(0, 60) }],
  ])("should answer alipay_key_invalid for a broken %s, sending nothing", async (_title, broken) => {
    const gateway = answering("{}");
    expect(await callAlipay(alipaySettings(gateway.fetch, broken), METHOD, BIZ)).toEqual({ outcome: "unavailable", provider: "alipay", detail: "alipay_key_invalid" });
    expect(gateway.requests).toHaveLength(0);
  });
});

describe("callAlipay: the answer", () => {
  it("should return a verified 10000 response", async () => {
    expect(await callWith(signedBody(KEY, '{"code":"10000","msg":"Success","passed":"T"}'))).toEqual({
      outcome: "response",
      body: { code: "10000", msg: "Success", passed: "T" },
    });
  });

  it("should verify over the raw text as sent, whatever its spacing, escapes or braces in strings", async () => {
    const inner = '{ "code" : "10000" ,\n  "msg" : "Success",  "passed":"T", "material_info":"{\\"a\\":\\"} \\\\\\" {\\"}", "x":"\\u4e2d\\/" }';
    expect(await callWith(signedBody(KEY, inner))).toMatchObject({ outcome: "response", body: { passed: "T", material_info: '{"a":"} \\" {"}' } });
  });

  it("should accept an answer signed before its slashes were escaped, as Alipay's SDKs do", async () => {
    const asSigned = '{"code":"10000","passed":"T","material_info":"https://m.alipay.com/x"}';
    const sign = JSON.parse(signedBody(KEY, asSigned)).sign;
    const asSent = asSigned.replaceAll("/", "\\/");
    expect(await callWith(`{"${KEY}":${asSent},"sign":"${sign}"}`)).toMatchObject({ outcome: "response", body: { passed: "T", material_info: "https://m.alipay.com/x" } });
    expect(await callWith(`{"${KEY}":${asSent.replace('"T"', '"F"')},"sign":"${sign}"}`)).toEqual({ outcome: "unavailable", provider: "alipay", detail: "bad_signature" });
  });

  it("should refuse a re-serialised copy of a signed value, where the signature no longer covers the text", async () => {
    const sent = '{ "code": "10000", "passed": "T" }';
    const signature = JSON.parse(signedBody(KEY, sent)).sign;
    const reserialised = `{"${KEY}":${JSON.stringify(JSON.parse(sent))},"sign":"${signature}"}`;
    expect(await callWith(reserialised)).toEqual({ outcome: "unavailable", provider: "alipay", detail: "bad_signature" });
  });

  it.each([
    ["a tampered value", signedBody(KEY, '{"code":"10000","passed":"F"}').replace('"F"', '"T"')],
    ["no signature", `{"${KEY}":{"code":"10000","passed":"T"}}`],
    ["an empty signature", `{"${KEY}":{"code":"10000","passed":"T"},"sign":""}`],
    ["a signature by another key", signedBody(KEY, '{"code":"10000","passed":"T"}', APP_KEYS.pkcs8)],
    ["an unsigned business error", `{"${KEY}":{"code":"40004","sub_code":"OPEN_CERTIFY_BILL_NOT_EXIST"}}`],
    ["a signed error_response whose signature fails", `{"error_response":{"code":"40002"},"sign":"AAAA"}`],
  ])("should answer bad_signature for %s", async (_title, body) => {
    expect(await callWith(body)).toEqual({ outcome: "unavailable", provider: "alipay", detail: "bad_signature" });
  });

  it("should act on the signed copy when a body repeats the member", async () => {
    const signed = signedBody(KEY, '{"code":"10000","passed":"F"}');
    const doubled = signed.replace(/}$/, `,"${KEY}":{"code":"10000","passed":"T"}}`);
    expect(await callWith(doubled)).toMatchObject({ outcome: "response", body: { passed: "F" } });
  });

  it.each([
    [
      "a business error by its sub_code",
      signedBody(KEY, '{"code":"40004","msg":"Business Failed","sub_code":"OPEN_CERTIFY_BILL_NOT_EXIST","sub_msg":"认证记录不存在"}'),
      "OPEN_CERTIFY_BILL_NOT_EXIST",
    ],
    ["an error without sub_code by its code", signedBody(KEY, '{"code":"20000","msg":"Service Currently Unavailable"}'), "code_20000"],
    ["an unsigned error_response", '{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}}', "isv.invalid-app-id"],
    ["a signed error_response", signedBody("error_response", '{"code":"40006","sub_code":"isv.insufficient-isv-permissions"}'), "isv.insufficient-isv-permissions"],
    ["a sub_code with characters unsafe for a log", signedBody(KEY, `{"code":"40004","sub_code":"bad code\\n<&>${"x".repeat(80)}"}`), `bad_code____${"x".repeat(52)}`],
  ])("should answer unavailable for %s", async (_title, body, detail) => {
    expect(await callWith(body)).toEqual({ outcome: "unavailable", provider: "alipay", detail });
  });

  it.each([
    ["a body that is not JSON", "<html>系统繁忙</html>", "invalid_json"],
    ["JSON that is not an object", '["x"]', "unexpected_response"],
    ["a body without the method's response", signedBody(responseKey("alipay.user.certify.open.initialize"), '{"code":"10000"}'), "unexpected_response"],
    ["a verified response without a code", signedBody(KEY, '{"passed":"T"}'), "unexpected_response"],
    ["a response that is not an object", `{"${KEY}":"10000","sign":"x"}`, "unexpected_response"],
  ])("should answer %s as unavailable", async (_title, body, detail) => {
    expect(await callWith(body)).toEqual({ outcome: "unavailable", provider: "alipay", detail });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable ($detail) for $title", async ({ fetch, timeoutMs, detail }) => {
    const settings = alipaySettings(fetch(), timeoutMs === undefined ? {} : { timeoutMs });
    expect(await callAlipay(settings, METHOD, BIZ)).toEqual({ outcome: "unavailable", provider: "alipay", detail });
  });
});

describe("alipayPageUrl", () => {
  it("should put every signed parameter in the gateway URL's query, calling nothing", async () => {
    const gateway = answering("{}");
    const url = new URL((await alipayPageUrl(alipaySettings(gateway.fetch), "alipay.user.certify.open.certify", { certify_id: "ZM1" })) as string);
    expect(`${url.origin}${url.pathname}`).toBe(ALIPAY_GATEWAY);
    expect(url.searchParams.get("method")).toBe("alipay.user.certify.open.certify");
    expect(url.searchParams.get("timestamp")).toBe("2023-11-15 06:13:20");
    expect(JSON.parse(url.searchParams.get("biz_content")!)).toEqual({ certify_id: "ZM1" });
    expect(nodeVerify(APP_KEYS.spki, documentedSigningString(url.searchParams), url.searchParams.get("sign")!)).toBe(true);
    expect(gateway.requests).toHaveLength(0);
  });

  it("should answer unavailable for a broken app key or gateway", async () => {
    const { fetch } = answering("{}");
    expect(await alipayPageUrl(alipaySettings(fetch, { appPrivateKey: "x" }), "m", {})).toEqual({ outcome: "unavailable", provider: "alipay", detail: "alipay_key_invalid" });
    expect(await alipayPageUrl(alipaySettings(fetch, { gateway: "not a url" }), "m", {})).toEqual({ outcome: "unavailable", provider: "alipay", detail: "invalid_gateway" });
  });
});

// The live Alipay face adapter against a fake gateway: the initialize call it signs and sends, the
// certify URL it builds without calling out, the query verdicts, and every failure as `unavailable`.
// Answers must never carry the applicant's name or ID number.
import { describe, expect, it } from "vitest";
import { ALIPAY_GATEWAY } from "../../../../src/providers/alipay/client";
import { alipayFace, CERTIFY, INITIALIZE, QUERY } from "../../../../src/providers/alipay-face/alipay";
import type { AlipayCertifyRequest } from "../../../../src/providers/alipay-face/index";
import { TEST_IDENTITIES } from "../../../../src/providers/sandbox-values";
import { APP_KEYS, alipaySettings, documentedSigningString, fakeAlipay, nodeVerify, responseKey, signedBody, type GatewayRequest } from "../alipay/fake-alipay";
import { TRANSPORT_FAILURES } from "../recorded-fetch";

const [zhang] = TEST_IDENTITIES;
const CERTIFY_ID = "ZM202311150000000000000000000042";
const request: AlipayCertifyRequest = {
  name: zhang.name,
  idNumber: zhang.idNumber,
  outerOrderNo: "vrf0123456789abcdefABCDEF0123456",
  returnUrl: "https://verify.example.com/p/h_abc/alipay/return?x=1&y=2",
};

// Recorded shapes of Alipay's answers, signed by the fake as Alipay signs them.
const RECORDED = {
  initialized: signedBody(responseKey(INITIALIZE), `{"code":"10000","msg":"Success","certify_id":"${CERTIFY_ID}"}`),
  initializeRefused: signedBody(responseKey(INITIALIZE), '{"code":"40004","msg":"Business Failed","sub_code":"CERT_NO_INVALID","sub_msg":"身份证号码无效"}'),
  passed: signedBody(responseKey(QUERY), '{"code":"10000","msg":"Success","passed":"T","identity_info":"{}","material_info":"{}"}'),
  notPassed: signedBody(responseKey(QUERY), '{"code":"10000","msg":"Success","passed":"F","fail_reason":"认证未完成"}'),
  billMissing: signedBody(responseKey(QUERY), '{"code":"40004","msg":"Business Failed","sub_code":"OPEN_CERTIFY_BILL_NOT_EXIST","sub_msg":"认证记录不存在"}'),
  noVerdict: signedBody(responseKey(QUERY), '{"code":"10000","msg":"Success"}'),
  unsignedError: '{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature","sub_msg":"验签出错"}}',
};

function providerAnswering(body: string) {
  const gateway = fakeAlipay(() => body);
  return { provider: alipayFace(alipaySettings(gateway.fetch)), requests: gateway.requests };
}

function expectNoPersonalData(answer: unknown) {
  const text = JSON.stringify(answer);
  expect(text).not.toContain(zhang.name);
  expect(text).not.toContain(zhang.idNumber);
}

describe("alipayFace.certifyUrl", () => {
  it("should sign the certify URL of a registered check afresh, at the time it is asked for, calling nothing", async () => {
    const gateway = fakeAlipay(() => "{}");
    let now = 1_700_000_000_000;
    const provider = alipayFace(alipaySettings(gateway.fetch, { now: () => now }));
    now += 20 * 60_000;
    const url = new URL((await provider.certifyUrl(CERTIFY_ID, request.returnUrl)) as string);
    expect(url.searchParams.get("method")).toBe(CERTIFY);
    expect(url.searchParams.get("timestamp")).toBe("2023-11-15 06:33:20");
    expect(JSON.parse(url.searchParams.get("biz_content")!)).toEqual({ certify_id: CERTIFY_ID });
    expect(nodeVerify(APP_KEYS.spki, documentedSigningString(url.searchParams), url.searchParams.get("sign")!)).toBe(true);
    expect(gateway.requests).toHaveLength(0);
  });
});

describe("alipayFace.start", () => {
  it("should send a signed initialize with the identity and return URL, at the fixed Beijing time", async () => {
    const { provider, requests } = providerAnswering(RECORDED.initialized);
    await provider.start(request);

    expect(requests).toHaveLength(1);
    const sent: GatewayRequest = requests[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe(ALIPAY_GATEWAY);
    expect(sent.contentType).toBe("application/x-www-form-urlencoded;charset=utf-8");
    expect(sent.params.get("method")).toBe(INITIALIZE);
    expect(sent.params.get("timestamp")).toBe("2023-11-15 06:13:20");
    expect(sent.biz).toEqual({
      outer_order_no: request.outerOrderNo,
      biz_code: "FACE",
      identity_param: { identity_type: "CERT_INFO", cert_type: "IDENTITY_CARD", cert_name: zhang.name, cert_no: zhang.idNumber },
      merchant_config: { return_url: request.returnUrl },
    });
    expect(nodeVerify(APP_KEYS.spki, documentedSigningString(sent.params), sent.params.get("sign")!)).toBe(true);
  });

  it("should answer started with Alipay's certify_id and a signed certify URL on the gateway", async () => {
    const answer = await providerAnswering(RECORDED.initialized).provider.start(request);
    expect(answer).toMatchObject({ outcome: "started", provider: "alipay", serial: CERTIFY_ID, certifyId: CERTIFY_ID });
    if (answer.outcome !== "started") return;

    const url = new URL(answer.certifyUrl);
    expect(url.protocol).toBe("https:");
    expect(url.host).toBe("openapi.alipay.com");
    expect(url.pathname).toBe("/gateway.do");
    expect(url.searchParams.get("method")).toBe(CERTIFY);
    expect(url.searchParams.get("app_id")).toBe("2021000000000000");
    expect(JSON.parse(url.searchParams.get("biz_content")!)).toEqual({ certify_id: CERTIFY_ID });
    expect(nodeVerify(APP_KEYS.spki, documentedSigningString(url.searchParams), url.searchParams.get("sign")!)).toBe(true);
    expectNoPersonalData(answer);
  });

  it.each([
    ["a refused identity (40004)", RECORDED.initializeRefused, "CERT_NO_INVALID"],
    ["an unsigned error_response", RECORDED.unsignedError, "isv.invalid-signature"],
    ["a tampered answer", RECORDED.initialized.replace(CERTIFY_ID, "ZM999"), "bad_signature"],
    ["a success without certify_id", signedBody(responseKey(INITIALIZE), '{"code":"10000","msg":"Success"}'), "unexpected_response"],
  ])("should answer unavailable for %s", async (_title, body, detail) => {
    const answer = await providerAnswering(body).provider.start(request);
    expect(answer).toEqual({ outcome: "unavailable", provider: "alipay", detail });
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable ($detail) for $title", async ({ fetch, timeoutMs, detail }) => {
    const provider = alipayFace(alipaySettings(fetch(), timeoutMs === undefined ? {} : { timeoutMs }));
    expect(await provider.start(request)).toEqual({ outcome: "unavailable", provider: "alipay", detail });
  });
});

describe("alipayFace.query", () => {
  it("should send a signed query for the certify_id", async () => {
    const { provider, requests } = providerAnswering(RECORDED.passed);
    await provider.query(CERTIFY_ID);
    const [sent] = requests;
    expect(sent?.params.get("method")).toBe(QUERY);
    expect(sent?.biz).toEqual({ certify_id: CERTIFY_ID });
    expect(nodeVerify(APP_KEYS.spki, documentedSigningString(sent!.params), sent!.params.get("sign")!)).toBe(true);
  });

  it.each([
    ["passed T", RECORDED.passed, { outcome: "match", provider: "alipay", serial: CERTIFY_ID }],
    ["passed F", RECORDED.notPassed, { outcome: "no_match", reason: "not_passed", provider: "alipay", serial: CERTIFY_ID }],
    ["an unknown certify_id", RECORDED.billMissing, { outcome: "unavailable", provider: "alipay", detail: "OPEN_CERTIFY_BILL_NOT_EXIST" }],
    ["no passed field", RECORDED.noVerdict, { outcome: "unavailable", provider: "alipay", detail: "unexpected_response" }],
    ["a signed passed value other than T or F", signedBody(responseKey(QUERY), '{"code":"10000","passed":true}'), { outcome: "unavailable", provider: "alipay", detail: "unexpected_response" }],
    ["a forged pass over a signed fail", RECORDED.notPassed.replace('"F"', '"T"'), { outcome: "unavailable", provider: "alipay", detail: "bad_signature" }],
    ["an unsigned error_response", RECORDED.unsignedError, { outcome: "unavailable", provider: "alipay", detail: "isv.invalid-signature" }],
  ])("should answer for %s", async (_title, body, expected) => {
    expect(await providerAnswering(body).provider.query(CERTIFY_ID)).toEqual(expected);
  });

  it.each(TRANSPORT_FAILURES)("should answer unavailable ($detail) for $title", async ({ fetch, timeoutMs, detail }) => {
    const provider = alipayFace(alipaySettings(fetch(), timeoutMs === undefined ? {} : { timeoutMs }));
    expect(await provider.query(CERTIFY_ID)).toEqual({ outcome: "unavailable", provider: "alipay", detail });
  });
});

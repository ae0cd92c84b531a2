// The payout adapter against a played Alipay in certificate mode (the fund APIs take no other):
// what alipay.fund.trans.uni.transfer is sent (the corporate payee, the CNAPS code, our reference,
// the certificates' SNs), each status it may answer, the payee refusals that are answers about the
// account, and an answer under another certificate of Alipay's, which is not believed.
import { describe, expect, it } from "vitest";
import { alipayPayout } from "../../../../src/providers/payout/alipay";
import { alipaySettings, fakeAlipay, type GatewayRequest, nodeSign, responseKey } from "../alipay/fake-alipay";
import { ALIPAY_CERT, ALIPAY_CERT_KEY, APP_CERT, EXPECTED, ROOT_CHAIN } from "../alipay/test-certificates";

const TRANSFER = responseKey("alipay.fund.trans.uni.transfer");
const QUERY = responseKey("alipay.fund.trans.common.query");
const CERTIFICATES = { appCert: APP_CERT, alipayCert: ALIPAY_CERT, rootCert: ROOT_CHAIN };
const REQUEST = { reference: "po_0123456789abcdef", accountName: "宁波测试科技有限公司", accountNumber: "3100123456789012", branchCode: "105331000018", amountFen: 37, remark: "实名认证对公验证" };

/** A body as Alipay signs it in certificate mode: the inner JSON signed with its certificate's key, its SN beside. */
function certSigned(key: string, inner: string, sn = EXPECTED.alipayCertSn, signer = ALIPAY_CERT_KEY) {
  return `{"${key}":${inner},"alipay_cert_sn":"${sn}","sign":"${nodeSign(signer, inner)}"}`;
}

function payoutAnswering(answer: (r: GatewayRequest) => string) {
  const gateway = fakeAlipay(answer);
  // Certificate mode: the public key of alipaySettings is not read.
  return { gateway, payout: alipayPayout(alipaySettings(gateway.fetch, { certificates: CERTIFICATES, alipayPublicKey: "unused" })) };
}

describe("the Alipay payout: the transfer", () => {
  it("should send the corporate payee with its CNAPS code under our reference, signed in certificate mode", async () => {
    const { gateway, payout } = payoutAnswering(() =>
      certSigned(
        TRANSFER,
        '{"code":"10000","msg":"Success","out_biz_no":"po_0123456789abcdef","order_id":"20261204110070000006210000000001","pay_fund_order_id":"20261204110070001506210000000001","status":"DEALING","trans_date":"2026-12-04 10:00:00"}',
      ),
    );
    expect(await payout.send(REQUEST)).toEqual({ outcome: "known", provider: "alipay", serial: "20261204110070001506210000000001", status: "requested" });
    const [sent] = gateway.requests;
    expect(sent!.params.get("method")).toBe("alipay.fund.trans.uni.transfer");
    expect(sent!.params.get("app_cert_sn")).toBe(EXPECTED.appCertSn);
    expect(sent!.params.get("alipay_root_cert_sn")).toBe(EXPECTED.rootCertSn);
    expect(sent!.biz).toEqual({
      out_biz_no: "po_0123456789abcdef",
      trans_amount: "0.37",
      product_code: "TRANS_BANKCARD_NO_PWD",
      biz_scene: "DIRECT_TRANSFER",
      order_title: "实名认证对公验证",
      remark: "实名认证对公验证",
      payee_info: { identity_type: "BANKCARD_ACCOUNT", identity: "3100123456789012", name: "宁波测试科技有限公司", bankcard_ext_info: { account_type: "1", bank_code: "105331000018" } },
    });
  });

  it("should take a refusal of the payee as a failed payout about the account, and a fault as unavailable", async () => {
    const refusal = (sub: string) => certSigned(TRANSFER, `{"code":"40004","msg":"Business Failed","sub_code":"${sub}","sub_msg":"x"}`);
    expect(await payoutAnswering(() => refusal("PAYEE_USERINFO_ERROR")).payout.send(REQUEST)).toEqual({
      outcome: "known",
      provider: "alipay",
      serial: "",
      status: "failed",
      failure: "account_name_mismatch",
    });
    expect(await payoutAnswering(() => refusal("PAYEE_NOT_EXIST")).payout.send(REQUEST)).toMatchObject({ status: "failed", failure: "account_not_found" });
    expect(await payoutAnswering(() => refusal("SYSTEM_ERROR")).payout.send(REQUEST)).toEqual({ outcome: "unavailable", provider: "alipay", detail: "SYSTEM_ERROR" });
  });

  it("should not believe an answer signed under another Alipay certificate, or by another key", async () => {
    const ok = '{"code":"10000","msg":"Success","status":"SUCCESS","pay_date":"2026-12-04 10:00:05"}';
    expect(await payoutAnswering(() => certSigned(TRANSFER, ok, "0123456789abcdef0123456789abcdef")).payout.send(REQUEST)).toEqual({
      outcome: "unavailable",
      provider: "alipay",
      detail: "alipay_cert_changed",
    });
    const { APP_KEYS } = await import("../alipay/fake-alipay");
    expect(await payoutAnswering(() => certSigned(TRANSFER, ok, EXPECTED.alipayCertSn, APP_KEYS.pkcs8)).payout.send(REQUEST)).toEqual({
      outcome: "unavailable",
      provider: "alipay",
      detail: "bad_signature",
    });
  });

  it("should send nothing when a certificate cannot be read", async () => {
    const gateway = fakeAlipay(() => "{}");
    const payout = alipayPayout(alipaySettings(gateway.fetch, { certificates: { ...CERTIFICATES, rootCert: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" } }));
    expect(await payout.send(REQUEST)).toEqual({ outcome: "unavailable", provider: "alipay", detail: "alipay_cert_invalid" });
    expect(gateway.requests).toHaveLength(0);
  });
});

describe("the Alipay payout: the query", () => {
  const query = (inner: string) => payoutAnswering(() => certSigned(QUERY, inner)).payout.query(REQUEST.reference);

  it("should read each status Alipay answers: paid with its date and arrival, returned, failed, still dealing", async () => {
    expect(await query('{"code":"10000","status":"SUCCESS","pay_fund_order_id":"P1","pay_date":"2026-12-04 10:00:05","arrival_time_end":"2026-12-05 10:00:05"}')).toEqual({
      outcome: "known",
      provider: "alipay",
      serial: "P1",
      status: "paid",
      paidAt: Date.parse("2026-12-04T02:00:05Z"),
      arrivalBy: Date.parse("2026-12-05T02:00:05Z"),
    });
    expect(await query('{"code":"10000","status":"REFUND","pay_fund_order_id":"P1"}')).toMatchObject({ status: "refunded", failure: "bank_refused" });
    expect(await query('{"code":"10000","status":"FAIL","error_code":"PAYEE_ACCOUNT_STATUS_ERROR"}')).toMatchObject({ status: "failed", failure: "account_frozen" });
    expect(await query('{"code":"10000","status":"DEALING"}')).toMatchObject({ status: "requested" });
    expect(await query('{"code":"10000","status":"SOMETHING_NEW"}')).toEqual({ outcome: "unavailable", provider: "alipay", detail: "unexpected_response" });
  });

  it("should ask by our reference, and say an order Alipay never had is not found", async () => {
    const { gateway, payout } = payoutAnswering(() => certSigned(QUERY, '{"code":"40004","msg":"Business Failed","sub_code":"ORDER_NOT_EXIST"}'));
    expect(await payout.query(REQUEST.reference)).toEqual({ outcome: "not_found", provider: "alipay" });
    expect(gateway.requests[0]!.biz).toEqual({ out_biz_no: REQUEST.reference, product_code: "TRANS_BANKCARD_NO_PWD", biz_scene: "DIRECT_TRANSFER" });
  });
});

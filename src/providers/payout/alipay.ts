// The live payout through Alipay's fund transfer to a corporate bank account (单笔转账到银行账户,
// a separately contracted Alipay product): alipay.fund.trans.uni.transfer with product
// TRANS_BANKCARD_NO_PWD and the payee as BANKCARD_ACCOUNT (account_type 1: a corporate account,
// the CNAPS branch code as bank_code), then alipay.fund.trans.common.query by our reference
// (out_biz_no, Alipay's idempotency key). Signed with RSA2 by the shared client; it must never log
// a payload (it holds the account number) or read env.
import { z } from "zod";
import { formatYuan } from "../../domain/transfer/amount";
import { ALIPAY_PROVIDER, type AlipaySettings, callAlipay } from "../alipay/client";
import type { PayoutAnswer, PayoutProvider, PayoutState } from "./index";

const PRODUCT_CODE = "TRANS_BANKCARD_NO_PWD";
const BIZ_SCENE = "DIRECT_TRANSFER";

/** Alipay's answers that mean the account cannot be paid (the operator corrects it), not a fault. */
const PAYEE_FAILURES: Readonly<Record<string, string>> = {
  PAYEE_NOT_EXIST: "account_not_found",
  PAYEE_ACCOUNT_NOT_EXSIT: "account_not_found",
  PAYEE_USERINFO_ERROR: "account_name_mismatch",
  PAYEE_ACC_OCUPIED: "account_name_mismatch",
  PAYEE_CERT_INFO_ERROR: "account_name_mismatch",
  CARD_BIN_ERROR: "account_not_found",
  INST_PAY_UNABLE: "bank_refused",
  PAYEE_ACCOUNT_STATUS_ERROR: "account_frozen",
};

const STATUSES: Readonly<Record<string, PayoutState>> = {
  SUCCESS: "paid",
  DEALING: "requested",
  WAIT_PAY: "requested",
  INIT: "requested",
  FAIL: "failed",
  REFUND: "refunded",
};

const replySchema = z.looseObject({
  order_id: z.string().optional(),
  pay_fund_order_id: z.string().optional(),
  status: z.string(),
  trans_date: z.string().optional(),
  pay_date: z.string().optional(),
  arrival_time_end: z.string().optional(),
  fail_reason: z.string().optional(),
  error_code: z.string().optional(),
});

/** "2026-12-04 10:00:00", Beijing time, as Alipay writes its times. */
function beijingMs(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(`${text.replace(" ", "T")}+08:00`);
  return Number.isNaN(ms) ? undefined : ms;
}

function read(body: Record<string, unknown>): PayoutAnswer {
  const reply = replySchema.safeParse(body);
  const status = reply.success ? STATUSES[reply.data.status] : undefined;
  if (!reply.success || !status) return { outcome: "unavailable", provider: ALIPAY_PROVIDER, detail: "unexpected_response" };
  const paidAt = beijingMs(reply.data.pay_date ?? reply.data.trans_date);
  const arrivalBy = beijingMs(reply.data.arrival_time_end);
  const failure = reply.data.error_code ? (PAYEE_FAILURES[reply.data.error_code] ?? "bank_refused") : status === "failed" || status === "refunded" ? "bank_refused" : undefined;
  return {
    outcome: "known",
    provider: ALIPAY_PROVIDER,
    serial: reply.data.pay_fund_order_id ?? reply.data.order_id ?? "",
    status,
    ...(status === "paid" && paidAt !== undefined ? { paidAt } : {}),
    ...(arrivalBy !== undefined ? { arrivalBy } : {}),
    ...(failure ? { failure } : {}),
  };
}

export function alipayPayout(settings: AlipaySettings): PayoutProvider {
  return {
    async send(request) {
      const reply = await callAlipay(settings, "alipay.fund.trans.uni.transfer", {
        out_biz_no: request.reference,
        trans_amount: formatYuan(request.amountFen),
        product_code: PRODUCT_CODE,
        biz_scene: BIZ_SCENE,
        order_title: request.remark,
        remark: request.remark,
        payee_info: {
          identity_type: "BANKCARD_ACCOUNT",
          identity: request.accountNumber,
          name: request.accountName,
          bankcard_ext_info: { account_type: "1", bank_code: request.branchCode },
        },
      });
      if (reply.outcome === "unavailable") {
        const failure = PAYEE_FAILURES[reply.detail];
        // A refusal of the payee is an answer about the account, not a fault of the provider.
        return failure ? { outcome: "known", provider: ALIPAY_PROVIDER, serial: "", status: "failed", failure } : reply;
      }
      return read(reply.body);
    },
    async query(reference) {
      const reply = await callAlipay(settings, "alipay.fund.trans.common.query", { out_biz_no: reference, product_code: PRODUCT_CODE, biz_scene: BIZ_SCENE });
      if (reply.outcome === "unavailable") return reply.detail === "ORDER_NOT_EXIST" ? { outcome: "not_found", provider: ALIPAY_PROVIDER } : reply;
      return read(reply.body);
    },
  };
}

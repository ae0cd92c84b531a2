// The confirmation's view model (打款信息确认): a pure read of the row's transfer record and the
// clock, the money part and the letter part side by side, with what the last post brought back
// (an amount typed wrong, a file refused, the account form with its errors).
import { beijingMinute } from "../domain/clock";
import { MAX_FAILED_ATTEMPTS } from "../domain/flow/transition";
import { AMOUNT_WINDOW_MS, triesLeft } from "../domain/transfer/amount-entry";
import { formatYuan } from "../domain/transfer/amount";
import { mayAskNewPayout, moneyStatus, REVERSE_AMOUNT_FEN, type TransferRecord } from "../domain/transfer/record";
import { TARGET_MS } from "../domain/review/decision";
import { type ApplicantRow, localeOf } from "../flow/applicant";
import { hostedMethods } from "../flow/methods";
import type { CorporateAccountForm, HandoffPanel, LetterPartView, MoneyPart, StepView } from "../../views/steps/model";
import { accountForm } from "./account-form";

export const AMOUNT_PATH = "transfer/amount";
export const LETTER_PATH = "transfer/letter";
export const LETTER_PHONE_PATH = "transfer/letter/phone";
export const PAYOUT_AGAIN_PATH = "transfer/payout";
export const REVERSE_RETRY_PATH = "transfer/reverse";

export interface ShownAgain {
  accountForm?: CorporateAccountForm;
  amount?: { typed: string; error: string };
  letterError?: string;
  payoutError?: string;
  /** The letter's phone handoff, while the letter part waits for the phone. */
  letterPhone?: HandoffPanel | undefined;
}

export type TransferView = Extract<StepView, { kind: "transfer_confirmation" }>;

export function transferViewOf(row: ApplicantRow, now: number, shown: ShownAgain = {}): TransferView {
  const record = row.transfer;
  return {
    kind: "transfer_confirmation",
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    direction: record?.direction ?? (row.method === "transfer_reverse" ? "reverse" : "forward"),
    // No record at the confirmation: the reverse transfer's instructions could not be had yet.
    money: record ? moneyOf(row, record, now, shown) : { kind: "unavailable", retryAction: `/v/${row.id}/${REVERSE_RETRY_PATH}` },
    letter: letterOf(row, record, shown),
    pollUrl: `/v/${row.id}`,
    attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
    canChangeMethod: hostedMethods(row.methods).length > 1,
  };
}

function letterOf(row: ApplicantRow, record: TransferRecord | null, shown: ShownAgain): LetterPartView {
  const letter = record?.letter ?? { status: "none" as const };
  return {
    status: letter.status,
    ...(letter.reason ? { reason: letter.reason } : {}),
    downloadUrl: `/v/${row.id}/transfer/letter.pdf`,
    uploadAction: `/v/${row.id}/${LETTER_PATH}`,
    ...(shown.letterError ? { error: shown.letterError } : {}),
    targetHours: TARGET_MS / 3_600_000,
    phoneAction: `/v/${row.id}/${LETTER_PHONE_PATH}`,
    ...(shown.letterPhone ? { phone: shown.letterPhone } : {}),
  };
}

function moneyOf(row: ApplicantRow, record: TransferRecord, now: number, shown: ShownAgain): MoneyPart {
  if (record.direction === "reverse") {
    if (record.credit) return { kind: "confirmed", direction: "reverse", payerAccountMasked: record.credit.payerAccountMasked };
    return {
      kind: "pay_in",
      ...record.payInto,
      amount: formatYuan(REVERSE_AMOUNT_FEN),
      reference: record.reference,
      referenceKind: record.referenceKind,
      payBy: beijingMinute(record.expiresAt),
    };
  }
  const { account } = record;
  const status = moneyStatus(record);
  const payout = record.payout;
  switch (status) {
    case "confirmed":
      return { kind: "confirmed", direction: "forward" };
    case "account_required":
    case "payout_failed":
      return {
        kind: "failed",
        accountMasked: account.numberMasked,
        failure: payout?.failure ?? "bank_refused",
        refunded: payout?.status === "refunded",
        form: mayAskNewPayout(record) ? (shown.accountForm ?? accountForm(row, { bank: account.bank, branch_code: account.branchCode })) : null,
      };
    case "tries_used":
      return {
        kind: "tries_used",
        accountMasked: account.numberMasked,
        againAction: mayAskNewPayout(record) ? `/v/${row.id}/${PAYOUT_AGAIN_PATH}` : null,
        ...(shown.payoutError ? { error: shown.payoutError } : {}),
      };
    case "payout_requested":
      return { kind: "requested", accountMasked: account.numberMasked, bank: account.bank, requestedAt: beijingMinute(payout?.requestedAt ?? now) };
    case "awaiting_amount":
    case "awaiting_credit": {
      const paidAt = payout?.paidAt ?? now;
      const windowEnds = paidAt + AMOUNT_WINDOW_MS;
      return {
        kind: "paid",
        accountMasked: account.numberMasked,
        bank: account.bank,
        arrivalBy: payout?.arrivalBy ? beijingMinute(payout.arrivalBy) : null,
        triesLeft: triesLeft({ paidAt, wrongEntries: payout?.wrongEntries ?? 0 }),
        windowEnds: beijingMinute(windowEnds),
        hoursLeft: Math.max(0, Math.floor((windowEnds - now) / 3_600_000)),
        action: `/v/${row.id}/${AMOUNT_PATH}`,
        ...(shown.amount ? { typed: shown.amount.typed, error: shown.amount.error } : {}),
      };
    }
  }
}

// A corporate transfer (对公打款认证) as the verification keeps it (`verifications.transfer`): the
// account and the payout of a forward transfer, the reference of a reverse one, and the stamped
// letter's review, each as facts with the times they happened. Never an amount (a keyed hash of
// it), never a whole account number (its ciphertext has its own column, purged at the end). Pure.
export const TRANSFER_FORWARD = "transfer_forward";
export const TRANSFER_REVERSE = "transfer_reverse";
/** The forward transfer's first step: the corporate account, and the payout asked for. */
export const CORPORATE_ACCOUNT_STEP = "corporate_account";
/** Both: the letter and the amount (forward) or the credit (reverse), side by side. */
export const TRANSFER_CONFIRMATION_STEP = "transfer_confirmation";

/**
 * Payouts a forward transfer may ask for in all: a failed one may be corrected and sent again,
 * and three wrong amounts earn one new payout (once), so a guessing operator cannot farm payouts.
 */
export const MAX_PAYOUTS = 3;
/** The reverse transfer's amount: one fen, never refunded. */
export const REVERSE_AMOUNT_FEN = 1;
/** How long the organization has to pay, from the instructions shown. */
export const REVERSE_WINDOW_MS = 7 * 24 * 3_600_000;

export type PayoutStatus = "requested" | "paid" | "failed" | "refunded";
export type LetterStatus = "none" | "pending" | "approved" | "rejected";

export interface LetterPart {
  status: LetterStatus;
  /** The reviewer's reason, once rejected. */
  reason?: string;
  /** SHA-256 (hex) of the scan sent, as the evidence has it. */
  sha256?: string;
}

export interface CorporateAccountFacts {
  /** 6222 **** 1234: the only form of the number a page, the API or the evidence shows. */
  numberMasked: string;
  /** The CNAPS category code of the bank picked, or "other". */
  bank: string;
  /** 开户银行联行号: a branch code is public, not personal. */
  branchCode: string;
}

export interface Payout {
  /** Ours, the provider's idempotency key: one reference, one payment, however often it is sent. */
  reference: string;
  /** HMAC of the amount in fen (the data key's hash): the amount itself is nowhere. */
  amountHash: string;
  status: PayoutStatus;
  requestedAt: number;
  paidAt?: number;
  /** When the bank said the money would be in the account (the page's expected arrival). */
  arrivalBy?: number;
  /** Why the bank could not pay: a stable code. */
  failure?: string;
  wrongEntries: number;
}

export type TransferRecord =
  | {
      direction: "forward";
      account: CorporateAccountFacts;
      payout: Payout | null;
      /** Payouts asked for so far (MAX_PAYOUTS at most). */
      payouts: number;
      /** A new payout was asked for after three wrong amounts: that happens once. */
      renewedAfterTries?: true;
      /** When the typed amount matched. */
      amountConfirmedAt?: number;
      letter: LetterPart;
    }
  | {
      direction: "reverse";
      /** The remark code to put in 附言, or the virtual sub-account credited. */
      reference: string;
      referenceKind: "remark" | "virtual_account";
      /** Where to pay: the collection provider's answer (our account; not personal). */
      payInto: { accountName: string; accountNumber: string; bankName: string };
      expiresAt: number;
      /** The matched credit: the bank's serial, when booked, the payer's account masked. */
      credit?: { creditId: string; bookedAt: number; payerAccountMasked: string };
      letter: LetterPart;
    };

export const TRANSFER_STATUSES = ["account_required", "payout_requested", "payout_failed", "awaiting_amount", "awaiting_credit", "tries_used", "confirmed"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const NO_LETTER: LetterPart = { status: "none" };

/** Where the money part stands, from the facts. */
export function moneyStatus(record: TransferRecord): TransferStatus {
  if (record.direction === "reverse") return record.credit ? "confirmed" : "awaiting_credit";
  if (record.amountConfirmedAt) return "confirmed";
  const payout = record.payout;
  if (!payout) return "account_required";
  if (payout.status === "requested") return "payout_requested";
  if (payout.status === "failed" || payout.status === "refunded") return "payout_failed";
  return payout.wrongEntries >= 3 ? "tries_used" : "awaiting_amount";
}

/** Both parts hold: the organization is verified (the seed's 打款信息确认, side by side). */
export function transferComplete(record: TransferRecord): boolean {
  return record.letter.status === "approved" && moneyStatus(record) === "confirmed";
}

/** Whether a new payout may be asked for: the last one failed, was returned, or its tries are used, and one is left. */
export function mayAskNewPayout(record: TransferRecord): boolean {
  if (record.direction !== "forward" || record.payouts >= MAX_PAYOUTS) return false;
  const status = moneyStatus(record);
  return status === "payout_failed" || (status === "tries_used" && !record.renewedAfterTries);
}

export function isTransferMethod(method: string | null): boolean {
  return method === TRANSFER_FORWARD || method === TRANSFER_REVERSE;
}

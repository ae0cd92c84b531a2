// The payout port (打款): pay a small amount to a corporate bank account, and say later what
// became of it. `send` is idempotent by our reference (the same reference never pays twice), and
// "paid" is not final: a bank may return a payment after it was reported paid (refunded).
import type { UnavailableAnswer } from "../answer";

export type PayoutState = "requested" | "paid" | "failed" | "refunded";

export interface PayoutRequest {
  /** Ours, unique per payout: the provider's idempotency key. */
  reference: string;
  /** The payee: the checked organization's name, which the bank compares with the account's. */
  accountName: string;
  accountNumber: string;
  /** 开户银行联行号 (CNAPS), 12 digits. */
  branchCode: string;
  amountFen: number;
  /** What the payee's statement shows beside the amount. */
  remark: string;
}

export type PayoutAnswer =
  | {
      outcome: "known";
      provider: string;
      /** The provider's own id of the payment. */
      serial: string;
      status: PayoutState;
      /** When it was paid (ms), once paid. */
      paidAt?: number;
      /** The latest time the bank said it would arrive (ms). */
      arrivalBy?: number;
      /** Why it failed or came back: a short code safe for the log and the page. */
      failure?: string;
    }
  /** The provider has no payment of this reference (query only). */
  | { outcome: "not_found"; provider: string }
  | UnavailableAnswer;

export interface PayoutProvider {
  send(request: PayoutRequest): Promise<PayoutAnswer>;
  query(reference: string): Promise<PayoutAnswer>;
}

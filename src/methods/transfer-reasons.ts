// Why a corporate transfer did not go through, as the operator's page says it. Both directions share them.
import { countedReason, type ReasonCatalogue } from "../flow/reasons";

export const TRANSFER_REASONS = {
  // Three wrong amounts: the method is over, and the verification counts one failed attempt.
  amount_tries_used: countedReason("amount_tries_used", "change_method"),
  account_name_mismatch: { countsAsAttempt: false, messageKey: "reason.account_name_mismatch", next: "retry" },
  account_not_found: { countsAsAttempt: false, messageKey: "reason.account_not_found", next: "retry" },
  account_frozen: { countsAsAttempt: false, messageKey: "reason.account_frozen", next: "retry" },
  bank_refused: { countsAsAttempt: false, messageKey: "reason.bank_refused", next: "retry" },
  returned_by_bank: { countsAsAttempt: false, messageKey: "reason.returned_by_bank", next: "retry" },
} as const satisfies ReasonCatalogue<string>;

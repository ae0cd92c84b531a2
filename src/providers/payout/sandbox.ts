// The payout's test-mode twin. It keeps each payout in D1 (sandbox_payouts) as a bank would keep
// it, so the test helpers can read the amount sent and settle it; the magic account endings in
// sandbox-values.ts steer the other outcomes. It never moves money and never reads a clock: the
// settling helper says when.
import type { SandboxPayment, SandboxPayoutStore } from "../../db/sandbox-payouts";
import { sandboxUnavailable } from "../sandbox-answer";
import { SANDBOX_ACCOUNT_SUFFIXES } from "../sandbox-values";
import type { PayoutAnswer, PayoutProvider } from "./index";

export const SANDBOX_PAYOUT_PROVIDER = "sandbox";

export function sandboxPayout(store: SandboxPayoutStore): PayoutProvider {
  return {
    async send(request) {
      if (request.accountNumber.endsWith(SANDBOX_ACCOUNT_SUFFIXES.unavailable)) return sandboxUnavailable();
      const failure = request.accountNumber.endsWith(SANDBOX_ACCOUNT_SUFFIXES.nameMismatch) ? "account_name_mismatch" : null;
      // Idempotent by reference: a second send answers the first payment.
      const payment = await store.put({ reference: request.reference, amountFen: request.amountFen, status: failure ? "failed" : "requested", failure });
      return answerOf(payment);
    },
    async query(reference) {
      const payment = await store.get(reference);
      return payment ? answerOf(payment) : { outcome: "not_found", provider: SANDBOX_PAYOUT_PROVIDER };
    },
  };
}

function answerOf(payment: SandboxPayment): PayoutAnswer {
  return {
    outcome: "known",
    provider: SANDBOX_PAYOUT_PROVIDER,
    serial: `sbx_payout_${payment.reference}`,
    status: payment.status,
    ...(payment.paidAt !== null ? { paidAt: payment.paidAt } : {}),
    ...(payment.arrivalBy !== null ? { arrivalBy: payment.arrivalBy } : {}),
    ...(payment.failure ? { failure: payment.failure } : {}),
  };
}

// The forward transfer's payout: a random amount drawn, only its keyed hash kept, sent through the
// payout provider under our own reference (so a retried send never pays twice), and later told what
// became of it (refreshPayout: the cron's sweep and the sandbox's settle both end there).
import { newId, randomInt } from "../crypto/random";
import type { DataCipher } from "../crypto/data-key";
import { AMOUNT_WINDOW_MS } from "../domain/transfer/amount-entry";
import { drawPayoutFen } from "../domain/transfer/amount";
import type { CorporateAccountFacts, Payout, TransferRecord } from "../domain/transfer/record";
import type { PayoutAnswer, PayoutProvider } from "../providers/payout/index";
import type { EventInput } from "../db/verifications";

/** What the payee's statement shows: who paid and why, never the amount to type. */
export const PAYOUT_REMARK = "实名认证对公验证";

export function amountHash(cipher: DataCipher, reference: string, fen: number): Promise<string> {
  // The reference is mixed in: 90 possible amounts would otherwise hash alike across payouts.
  return cipher.hash("payout_amount", `${reference}:${fen}`);
}

export type PayoutSent = { ok: true; payout: Payout; evidence: EventInput } | { ok: false; evidence: EventInput };

function payoutEvidence(answer: PayoutAnswer, reference: string, account: CorporateAccountFacts): EventInput {
  return {
    type: "provider.call",
    actor: "system",
    data: {
      capability: "payout",
      provider: answer.provider,
      serial: answer.outcome === "known" ? answer.serial : "",
      outcome: answer.outcome === "known" ? answer.status : answer.outcome,
      ...(answer.outcome === "known" && answer.failure ? { reason: answer.failure } : {}),
      ...(answer.outcome === "unavailable" ? { reason: answer.detail } : {}),
      reference,
      account: account.numberMasked,
      branch_code: account.branchCode,
    },
  };
}

export async function sendPayout(
  deps: { payout: PayoutProvider; cipher: DataCipher; now: number },
  to: { accountName: string; accountNumber: string; account: CorporateAccountFacts },
): Promise<PayoutSent> {
  const reference = newId("po");
  const fen = drawPayoutFen(randomInt);
  const answer = await deps.payout.send({ reference, accountName: to.accountName, accountNumber: to.accountNumber, branchCode: to.account.branchCode, amountFen: fen, remark: PAYOUT_REMARK });
  const evidence = payoutEvidence(answer, reference, to.account);
  if (answer.outcome !== "known") return { ok: false, evidence };
  return {
    ok: true,
    evidence,
    payout: {
      reference,
      amountHash: await amountHash(deps.cipher, reference, fen),
      status: answer.status,
      requestedAt: deps.now,
      wrongEntries: 0,
      ...(answer.paidAt !== undefined ? { paidAt: answer.paidAt } : {}),
      ...(answer.arrivalBy !== undefined ? { arrivalBy: answer.arrivalBy } : {}),
      ...(answer.failure ? { failure: answer.failure } : {}),
    },
  };
}

/** The payout as the provider now tells it; the same object when nothing changed. */
export function payoutAfter(payout: Payout, answer: PayoutAnswer): Payout {
  if (answer.outcome !== "known" || answer.status === payout.status) return payout;
  return {
    ...payout,
    status: answer.status,
    ...(answer.paidAt !== undefined ? { paidAt: answer.paidAt } : {}),
    ...(answer.arrivalBy !== undefined ? { arrivalBy: answer.arrivalBy } : {}),
    ...(answer.failure ? { failure: answer.failure } : {}),
  };
}

/**
 * The verification's expiry while a payout runs: a week for the bank to pay, then the amount's
 * window of 7 days from the payment (the rule), whichever the payout has reached.
 */
export function expiryForPayout(payout: Payout, expiresAt: number, now: number): number {
  if (payout.status === "paid" && payout.paidAt !== undefined) return payout.paidAt + AMOUNT_WINDOW_MS;
  if (payout.status === "requested") return Math.max(expiresAt, now + AMOUNT_WINDOW_MS);
  return expiresAt;
}

/** A forward transfer's payout that may still change at the bank (the sweep asks about these), or null. */
export function unsettledPayout(record: TransferRecord | null): Payout | null {
  if (record?.direction !== "forward" || !record.payout || record.amountConfirmedAt) return null;
  // "Paid" is not final until the amount is confirmed: a bank may still return it.
  return record.payout.status === "requested" || record.payout.status === "paid" ? record.payout : null;
}

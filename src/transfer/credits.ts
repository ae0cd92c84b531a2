// An incoming credit (反向打款): stored once by the bank's serial, matched to the verification its
// reference names (the remark code in 附言, or the virtual account credited), judged (the amount,
// the payer's name), and applied through the flow writer in the same batch as the credit's row.
// A credit that matches nothing, or is refused, is kept for staff (不明来账), never dropped.
import type { DataCipher } from "../crypto/data-key";
import type { Database } from "../db/client";
import { creditOutcome, guardedCreditInsert, keepCredit, verificationByTransferReference } from "../db/incoming-credits";
import type { VerificationRow } from "../db/verifications";
import { currentMethodStep } from "../domain/flow/state";
import { maskBankCard, maskName } from "../domain/masking";
import { judgeCredit, remarkCodeIn } from "../domain/transfer/credit-match";
import { TRANSFER_CONFIRMATION_STEP, TRANSFER_REVERSE } from "../domain/transfer/record";
import { isOpen } from "../domain/verification/status";
import { alongside, beginChange, evidence, note, type WriteContext, write } from "../flow/writer";
import type { IncomingCredit } from "../providers/collection/index";
import { withTransfer } from "./moves";

export type CreditOutcome = "matched" | "unmatched" | "refused" | "duplicate";

export interface CreditContext extends WriteContext {
  cipher: DataCipher;
  now: number;
}

async function referenced(db: Database, credit: IncomingCredit, livemode: boolean): Promise<VerificationRow | null> {
  for (const reference of [remarkCodeIn(credit.remark), credit.creditedAccount]) {
    const row = reference ? await verificationByTransferReference(db, reference, livemode) : null;
    if (row) return row;
  }
  return null;
}

function waiting(row: VerificationRow): boolean {
  const at = currentMethodStep(row.state);
  return isOpen(row.status) && at?.method === TRANSFER_REVERSE && at.step === TRANSFER_CONFIRMATION_STEP && row.transfer?.direction === "reverse" && !row.transfer.credit;
}

export async function receiveCredit(ctx: CreditContext, credit: IncomingCredit, livemode: boolean): Promise<{ outcome: CreditOutcome; verificationId: string | null; reason?: string }> {
  const known = await creditOutcome(ctx.db, credit.creditId);
  if (known) return { outcome: "duplicate", verificationId: known.verificationId };
  const base = {
    creditId: credit.creditId,
    livemode,
    creditedAccount: credit.creditedAccount,
    amountFen: credit.amountFen,
    payerNameEnc: await ctx.cipher.encrypt(credit.payerName),
    payerNameMasked: maskName(credit.payerName),
    payerAccountMasked: maskBankCard(credit.payerAccount),
    remark: credit.remark.slice(0, 140),
    bookedAt: credit.bookedAt,
    receivedAt: ctx.now,
  };
  const keep = (outcome: "unmatched" | "refused", verificationId: string | null, reason: string | null) => keepCredit(ctx.db, { ...base, outcome, verificationId, reason });
  for (let tries = 0; tries < 3; tries++) {
    const row = await referenced(ctx.db, credit, livemode);
    if (!row) {
      await keep("unmatched", null, null);
      return { outcome: "unmatched", verificationId: null };
    }
    const facts = { credit_id: credit.creditId, amount_fen: credit.amountFen, payer_account: base.payerAccountMasked, booked_at: new Date(credit.bookedAt).toISOString() };
    const verdict = judgeCredit(credit, { orgName: row.orgName ?? "", waiting: waiting(row) });
    const ch = beginChange(ctx.db, row, ctx.now);
    if (verdict.kind === "refused") {
      await keep("refused", row.id, verdict.reason);
      evidence(ch, [{ type: "transfer.credit_refused", actor: "system", data: { ...facts, reason: verdict.reason } }]);
      await write(ctx, ch);
      return { outcome: "refused", verificationId: row.id, reason: verdict.reason };
    }
    const record = row.transfer!;
    if (record.direction !== "reverse") return { outcome: "unmatched", verificationId: null };
    alongside(ch, [(guard) => guardedCreditInsert(ctx.db, { ...base, outcome: "matched", verificationId: row.id, reason: null }, guard)]);
    note(ch, { type: "transfer.credit_matched", actor: "system", data: facts });
    if (withTransfer(ch, { ...record, credit: { creditId: credit.creditId, bookedAt: credit.bookedAt, payerAccountMasked: base.payerAccountMasked } }, "system")) continue;
    if ((await write(ctx, ch)).ok) return { outcome: "matched", verificationId: row.id };
  }
  await keep("unmatched", null, "conflict");
  return { outcome: "unmatched", verificationId: null, reason: "conflict" };
}

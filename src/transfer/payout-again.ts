// A new payout after three wrong amounts, to the same account, once (the record says it was asked).
import { currentMethodStep } from "../domain/flow/state";
import { mayAskNewPayout, moneyStatus, TRANSFER_CONFIRMATION_STEP, TRANSFER_FORWARD } from "../domain/transfer/record";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import type { ActionOutcome } from "../flow/steps";
import { beginChange, evidence, set, write } from "../flow/writer";
import { transferViewOf } from "./confirmation-view";
import { expiryForPayout, sendPayout } from "./payout";

export async function askPayoutAgain(ctx: FlowContext, row: ApplicantRow): Promise<ActionOutcome> {
  const at = currentMethodStep(row.state);
  const record = row.transfer;
  if (at?.method !== TRANSFER_FORWARD || at.step !== TRANSFER_CONFIRMATION_STEP || record?.direction !== "forward" || !row.corporateAccountEnc) return { kind: "stale" };
  if (moneyStatus(record) !== "tries_used" || !mayAskNewPayout(record)) return { kind: "stale" };
  const accountNumber = await ctx.cipher.decrypt(row.corporateAccountEnc);
  const sent = await sendPayout({ payout: ctx.providers.payout, cipher: ctx.cipher, now: ctx.now }, { accountName: row.orgName ?? "", accountNumber, account: record.account });
  const ch = beginChange(ctx.db, row, ctx.now);
  evidence(ch, [sent.evidence]);
  if (!sent.ok) {
    await write(ctx, ch);
    return { kind: "render", view: transferViewOf(row, ctx.now, { payoutError: "provider_unavailable" }), status: 422 };
  }
  set(ch, { transfer: { ...record, payout: sent.payout, payouts: record.payouts + 1, renewedAfterTries: true }, expiresAt: expiryForPayout(sent.payout, row.expiresAt, ctx.now) });
  const written = await write(ctx, ch);
  return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
}

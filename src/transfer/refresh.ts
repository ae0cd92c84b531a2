// What became of a forward transfer's payout, asked of the provider and written when it changed:
// paid (the amount's 7-day window opens, and the verification's expiry moves to match), failed,
// or refunded after it was paid. The cron's sweep asks every minute; the sandbox's settle helper
// asks at once. A provider fault changes nothing.
import type { VerificationRow } from "../db/verifications";
import { currentMethodStep } from "../domain/flow/state";
import { TRANSFER_CONFIRMATION_STEP } from "../domain/transfer/record";
import { beginChange, note, set, type WriteContext, write } from "../flow/writer";
import type { PayoutProvider } from "../providers/payout/index";
import { expiryForPayout, payoutAfter, unsettledPayout } from "./payout";

export type RefreshContext = WriteContext & { now: number; payout: PayoutProvider };

export async function refreshPayout(ctx: RefreshContext, row: VerificationRow): Promise<VerificationRow> {
  const record = row.transfer;
  const before = unsettledPayout(record);
  if (!before || record?.direction !== "forward" || currentMethodStep(row.state)?.step !== TRANSFER_CONFIRMATION_STEP) return row;
  const payout = payoutAfter(before, await ctx.payout.query(before.reference));
  if (payout === before) return row;
  const ch = beginChange(ctx.db, row, ctx.now);
  note(ch, {
    type: "transfer.payout_updated",
    actor: "system",
    data: { reference: payout.reference, from: before.status, status: payout.status, ...(payout.failure ? { reason: payout.failure } : {}), account: record.account.numberMasked },
  });
  set(ch, { transfer: { ...record, payout }, expiresAt: expiryForPayout(payout, row.expiresAt, ctx.now) });
  const written = await write(ctx, ch);
  return written.ok ? written.row : row;
}

// The amount the operator read on the statement, typed back: compared by its keyed hash with the
// payout's, three wrong entries end the method (one failed attempt of the verification; a new
// payout may be asked for once), and the window closes 7 days after the payment. Right, and the
// letter approved too, the organization is verified.
import { currentMethodStep } from "../domain/flow/state";
import { decideAmountEntry } from "../domain/transfer/amount-entry";
import { parseTypedAmount } from "../domain/transfer/amount";
import { TRANSFER_CONFIRMATION_STEP, TRANSFER_FORWARD } from "../domain/transfer/record";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import type { ActionOutcome } from "../flow/steps";
import { beginChange, move, note, write } from "../flow/writer";
import { transferViewOf } from "./confirmation-view";
import { withTransfer } from "./moves";
import { amountHash } from "./payout";

export async function submitAmount(ctx: FlowContext, row: ApplicantRow, form: FormData): Promise<ActionOutcome> {
  const at = currentMethodStep(row.state);
  const record = row.transfer;
  if (at?.method !== TRANSFER_FORWARD || at.step !== TRANSFER_CONFIRMATION_STEP || record?.direction !== "forward" || !record.payout || record.amountConfirmedAt) return { kind: "stale" };
  const payout = record.payout;
  const raw = form.get("amount");
  const typed = typeof raw === "string" ? raw.slice(0, 32) : "";
  const shownAgain = (r: ApplicantRow, error: string): ActionOutcome => ({ kind: "render", view: transferViewOf(r, ctx.now, { amount: { typed, error } }), status: 422 });
  const amount = parseTypedAmount(typed);
  if (!amount.ok) return shownAgain(row, `amount_${amount.code}`);
  if (payout.status !== "paid") return shownAgain(row, "amount_not_paid_yet");

  const matches = (await amountHash(ctx.cipher, payout.reference, amount.fen)) === payout.amountHash;
  const { outcome, next } = decideAmountEntry({ paidAt: payout.paidAt ?? null, wrongEntries: payout.wrongEntries }, matches, ctx.now);
  if (outcome.kind === "not_paid_yet" || outcome.kind === "window_closed") return shownAgain(row, `amount_${outcome.kind}`);
  if (outcome.kind === "tries_used" && next.wrongEntries === payout.wrongEntries) return { kind: "stale" };

  const ch = beginChange(ctx.db, row, ctx.now);
  const updated = { ...record, payout: { ...payout, wrongEntries: next.wrongEntries } };
  if (outcome.kind === "matched") {
    note(ch, { type: "transfer.amount_confirmed", actor: "applicant", data: { reference: payout.reference } });
    if (withTransfer(ch, { ...updated, amountConfirmedAt: ctx.now }, "applicant")) return { kind: "stale" };
  } else {
    note(ch, { type: "transfer.amount_wrong", actor: "applicant", data: { reference: payout.reference, tries_left: outcome.kind === "wrong" ? outcome.triesLeft : 0 } });
    withTransfer(ch, updated, "applicant");
    // The method's three tries are used: it counts as one failed attempt of the verification.
    if (outcome.kind === "tries_used" && move(ch, { type: "attempt_failed", reason: "amount_tries_used" }, { actor: "system" })) return { kind: "stale" };
  }
  const written = await write(ctx, ch);
  if (!written.ok) return { kind: "stale" };
  if (outcome.kind === "wrong") return shownAgain(written.row, "amount_wrong");
  return { kind: "moved", row: written.row };
}

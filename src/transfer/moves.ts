// The transfer's record changes with the flow, in one change: a part done (the amount confirmed,
// the letter approved, the credit matched) passes the step when the other part holds too. Every
// caller (the operator's amount, the reviewer's decision, the bank's credit) ends here.
import { TRANSFER_CONFIRMATION_STEP, type TransferRecord, transferComplete } from "../domain/transfer/record";
import type { VerificationRow } from "../db/verifications";
import { type Change, move, set } from "../flow/writer";
import type { Actor } from "../domain/verification/status";

/** Sets the record and, both parts holding, passes the confirmation step (verified). Answers a refusal, as move does. */
export function withTransfer(ch: Change<VerificationRow>, record: TransferRecord, actor: Actor) {
  set(ch, { transfer: record });
  if (!transferComplete(record)) return null;
  return move(ch, { type: "step_passed", step: TRANSFER_CONFIRMATION_STEP }, { actor, label: "transfer.confirmed", data: { direction: record.direction } });
}

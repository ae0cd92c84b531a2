// A corporate transfer's confirmation (打款信息确认): the money part (the payout's live status and
// the amount typed back, or the reverse transfer's instructions and the credit's arrival) beside
// the stamped letter's upload and review. Both done, the organization is verified.
import { TRANSFER_CONFIRMATION_STEP, TRANSFER_REVERSE } from "../../domain/transfer/record";
import type { StepModule } from "../../flow/steps";
import { submitAmount } from "../../transfer/amount-submit";
import { AMOUNT_PATH, LETTER_PATH, PAYOUT_AGAIN_PATH, REVERSE_RETRY_PATH, transferViewOf } from "../../transfer/confirmation-view";
import { uploadLetter } from "../../transfer/letter-upload";
import { askPayoutAgain } from "../../transfer/payout-again";
import { retryReverse, setUpReverse } from "../../transfer/reverse-setup";

export const transferConfirmationStep: StepModule<number> = {
  kind: TRANSFER_CONFIRMATION_STEP,
  // The reverse transfer's instructions are made as it starts (the forward one's payout came before).
  enter: async (ctx, ch) => (ch.row.method === TRANSFER_REVERSE ? setUpReverse(ctx, ch) : undefined),
  // The clock is the only fact outside the row: the time left is counted from it.
  read: async (ctx) => ctx.now,
  view: (row, _args, now) => transferViewOf(row, now),
  actions: [
    { path: AMOUNT_PATH, handle: (ctx, row, _session, form) => submitAmount(ctx, row, form) },
    { path: LETTER_PATH, handle: (ctx, row, _session, form) => uploadLetter(ctx, row, form) },
    { path: PAYOUT_AGAIN_PATH, handle: (ctx, row) => askPayoutAgain(ctx, row) },
    { path: REVERSE_RETRY_PATH, handle: (ctx, row) => retryReverse(ctx, row) },
  ],
};

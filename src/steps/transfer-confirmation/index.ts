// A corporate transfer's confirmation (打款信息确认): the money part (the payout's live status and
// the amount typed back, or the reverse transfer's instructions and the credit's arrival) beside
// the stamped letter's upload (on the desktop, or 用手机拍照上传 through a phone handoff) and review.
// Both done, the organization is verified.
import { TRANSFER_CONFIRMATION_STEP, TRANSFER_REVERSE } from "../../domain/transfer/record";
import type { StepModule } from "../../flow/steps";
import { submitAmount } from "../../transfer/amount-submit";
import { type DesktopHandoff, desktopHandoff, handoffPanel } from "../../flow/handoff";
import { AMOUNT_PATH, LETTER_PATH, LETTER_PHONE_PATH, PAYOUT_AGAIN_PATH, REVERSE_RETRY_PATH, transferViewOf } from "../../transfer/confirmation-view";
import { LETTER_PURPOSE, letterWaitsForPhone, offerLetterPhone, refreshLetterHandoff } from "../../transfer/letter-phone";
import { letterChannel } from "./phone-pages";
import { uploadLetter } from "../../transfer/letter-upload";
import { askPayoutAgain } from "../../transfer/payout-again";
import { retryReverse, setUpReverse } from "../../transfer/reverse-setup";

/** What the view needs beyond the row: the clock (the time left is counted from it), and the letter's phone handoff while it waits for one. */
interface ConfirmationFacts {
  now: number;
  phone: DesktopHandoff | null;
}

export const transferConfirmationStep: StepModule<ConfirmationFacts> = {
  kind: TRANSFER_CONFIRMATION_STEP,
  // The reverse transfer's instructions are made as it starts (the forward one's payout came before).
  enter: async (ctx, ch) => (ch.row.method === TRANSFER_REVERSE ? setUpReverse(ctx, ch) : undefined),
  read: async (ctx, row) => ({ now: ctx.now, phone: letterWaitsForPhone(row) ? await desktopHandoff(ctx, row, LETTER_PURPOSE) : null }),
  view: (row, _args, { now, phone }) => transferViewOf(row, now, { letterPhone: letterWaitsForPhone(row) ? handoffPanel(phone, LETTER_PURPOSE, row) : undefined }),
  actions: [
    { path: AMOUNT_PATH, handle: (ctx, row, _session, form) => submitAmount(ctx, row, form) },
    { path: LETTER_PATH, handle: (ctx, row, _session, form) => uploadLetter(ctx, row, form) },
    { path: LETTER_PHONE_PATH, handle: (ctx, row) => offerLetterPhone(ctx, row) },
    // The QR code's 刷新二维码, as the other phone steps name it; the dispatcher asks the current step first.
    { path: "handoff/refresh", handle: (ctx, row) => refreshLetterHandoff(ctx, row) },
    { path: PAYOUT_AGAIN_PATH, handle: (ctx, row) => askPayoutAgain(ctx, row) },
    { path: REVERSE_RETRY_PATH, handle: (ctx, row) => retryReverse(ctx, row) },
  ],
  phone: [letterChannel],
};

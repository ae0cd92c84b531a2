// 用手机拍照上传 for a corporate transfer's stamped letter: the desktop asks for a phone handoff
// (the step's data says the letter may come from the phone), the QR code shows in the letter part,
// and the phone's photo or PDF goes through the same check and review as the desktop's upload.
// The desktop's own upload stays beside the QR code: whichever arrives first is the letter.
import { isTerminal } from "../domain/handoff/machine";
import { currentMethodStep } from "../domain/flow/state";
import { TRANSFER_CONFIRMATION_STEP } from "../domain/transfer/record";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import { documentSentFromPhone, openHandoff, type PhoneSession, refreshHandoff } from "../flow/handoff";
import type { ActionOutcome } from "../flow/steps";
import { beginChange, move, write } from "../flow/writer";
import { type LetterFile, letterFileOf, letterWanted, sendLetter } from "./letter-upload";

export const LETTER_PURPOSE = "letter_capture";
const VIA_PHONE = "phone";

/** Whether the letter part waits for the phone: asked for, and no letter sent since. */
export function letterWaitsForPhone(row: ApplicantRow): boolean {
  return letterWanted(row) !== null && currentMethodStep(row.state)?.data?.letter_via === VIA_PHONE;
}

/** The desktop's 用手机拍照上传: the step notes the phone, and a handoff opens in the same write. */
export async function offerLetterPhone(ctx: FlowContext, row: ApplicantRow): Promise<ActionOutcome> {
  if (!letterWanted(row)) return { kind: "stale" };
  if (letterWaitsForPhone(row)) return refreshLetterHandoff(ctx, row);
  const ch = beginChange(ctx.db, row, ctx.now);
  if (move(ch, { type: "step_data", step: TRANSFER_CONFIRMATION_STEP, data: { letter_via: VIA_PHONE } }, { actor: "applicant", label: "transfer.letter_by_phone" })) return { kind: "stale" };
  await openHandoff(ctx, ch, LETTER_PURPOSE);
  const written = await write(ctx, ch);
  return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
}

/** A new QR code while the letter part waits for the phone. */
export async function refreshLetterHandoff(ctx: FlowContext, row: ApplicantRow): Promise<ActionOutcome> {
  if (!letterWaitsForPhone(row)) return { kind: "stale" };
  const next = await refreshHandoff(ctx, row, LETTER_PURPOSE);
  return next ? { kind: "moved", row: next } : { kind: "stale" };
}

export type PhoneLetterOutcome = { kind: "invalid"; code: Extract<LetterFile, { ok: false }>["code"] } | { kind: "done" };

/** The phone's photo or PDF: checked by its bytes, then sent for review; the handoff ends with it. */
export async function letterFromPhone(ctx: FlowContext, s: PhoneSession, form: FormData): Promise<PhoneLetterOutcome> {
  const record = letterWanted(s.row);
  if (s.record.purpose !== LETTER_PURPOSE || isTerminal(s.record.state) || !record || !letterWaitsForPhone(s.row)) return { kind: "done" };
  const file = await letterFileOf(form);
  if (!file.ok) return { kind: "invalid", code: file.code };
  // Another device sent a letter first: the handoff has nothing to add.
  if (!(await sendLetter(ctx, s.row, record, file))) return { kind: "done" };
  await documentSentFromPhone(ctx, s.record.handoffId);
  return { kind: "done" };
}

// The stamped authorization letter (盖章授权书), scanned or photographed: checked by its bytes (JPEG,
// PNG or PDF, at most 10 MB), kept in R2 for the reviewer only, and sent to the staff queue as a
// review of kind authorization_letter (requires_review while it waits). A rejected letter may be
// sent again; an approved one, with the money part done, verifies the organization.
import { randomString } from "../crypto/random";
import { toHex } from "../crypto/encoding";
import { guardedReviewInsert, pendingReview } from "../db/reviews";
import { currentMethodStep } from "../domain/flow/state";
import { inspectLicence, type LicenceType } from "../domain/images/inspect-licence";
import { AWAITING_REVIEW_MS, expiryAround } from "../domain/review/decision";
import { isTransferMethod, TRANSFER_CONFIRMATION_STEP, type TransferRecord } from "../domain/transfer/record";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import type { ActionOutcome } from "../flow/steps";
import { alongside, beginChange, evidence, move, set, write } from "../flow/writer";
import { transferViewOf } from "./confirmation-view";

export const LETTER_FIELD = "authorization_letter";

const FILE_ERRORS = { licence_empty: "letter_empty", licence_too_large: "letter_too_large", licence_unsupported: "letter_unsupported" } as const;

/** The transfer record while a letter may be sent: at the confirmation, none waiting for a person, none approved. */
export function letterWanted(row: ApplicantRow): TransferRecord | null {
  const at = currentMethodStep(row.state);
  const record = row.transfer;
  if (!at || !isTransferMethod(at.method) || at.step !== TRANSFER_CONFIRMATION_STEP || !record) return null;
  // One letter at a time: while one waits for a person, or once one is approved, nothing is replaced.
  return record.letter.status === "pending" || record.letter.status === "approved" ? null : record;
}

export type LetterFile = { ok: true; bytes: Uint8Array; contentType: LicenceType } | { ok: false; code: (typeof FILE_ERRORS)[keyof typeof FILE_ERRORS] };

/** The posted file under `authorization_letter`, checked by its bytes. */
export async function letterFileOf(form: FormData): Promise<LetterFile> {
  const raw = form.get(LETTER_FIELD);
  const bytes = raw instanceof File && raw.size > 0 ? new Uint8Array(await raw.arrayBuffer()) : new Uint8Array();
  const inspected = inspectLicence(bytes);
  return inspected.ok ? { ok: true, bytes, contentType: inspected.contentType } : { ok: false, code: FILE_ERRORS[inspected.code] };
}

/** Stores the letter and opens its review in the flow's write; the row after it, or null when another tab or device moved first (nothing is left in R2). */
export async function sendLetter(ctx: FlowContext, row: ApplicantRow, record: TransferRecord, file: { bytes: Uint8Array; contentType: LicenceType }): Promise<ApplicantRow | null> {
  const { bytes, contentType } = file;
  const sha256 = toHex(await crypto.subtle.digest("SHA-256", bytes));
  const key = `letters/${row.id}/${randomString(32)}`;
  await ctx.env.IMAGES.put(key, bytes, { httpMetadata: { contentType }, customMetadata: { verificationId: row.id, storedAt: String(ctx.now) } });
  const review = pendingReview(row, "authorization_letter", key, contentType, ctx.now);
  const ch = beginChange(ctx.db, row, ctx.now);
  alongside(ch, [(guard) => guardedReviewInsert(ctx.db, review, guard)]);
  evidence(ch, [{ type: "review.requested", actor: "applicant", data: { review_id: review.id, kind: review.kind, content_type: contentType, bytes: bytes.length, sha256 } }]);
  const refused = move(
    ch,
    { type: "step_data", step: TRANSFER_CONFIRMATION_STEP, data: { review_id: review.id, letter_via: "", review_rejected: "" } },
    { actor: "applicant", label: "transfer.letter_sent", data: { review_id: review.id, sha256 } },
  );
  if (!refused) set(ch, { transfer: { ...record, letter: { status: "pending", sha256 } }, expiresAt: expiryAround(row.expiresAt, ctx.now, AWAITING_REVIEW_MS) });
  const written = refused ? null : await write(ctx, ch);
  if (written?.ok) return written.row;
  await ctx.env.IMAGES.delete(key);
  return null;
}

/** The desktop's upload: the error beside the field, or the letter sent. */
export async function uploadLetter(ctx: FlowContext, row: ApplicantRow, form: FormData): Promise<ActionOutcome> {
  const record = letterWanted(row);
  if (!record) return { kind: "stale" };
  const file = await letterFileOf(form);
  if (!file.ok) return { kind: "render", view: transferViewOf(row, ctx.now, { letterError: file.code }), status: 422 };
  const sent = await sendLetter(ctx, row, record, file);
  return sent ? { kind: "moved", row: sent } : { kind: "stale" };
}

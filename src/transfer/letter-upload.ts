// The stamped authorization letter (盖章授权书), scanned or photographed: checked by its bytes (JPEG,
// PNG or PDF, at most 10 MB), kept in R2 for the reviewer only, and sent to the staff queue as a
// review of kind authorization_letter (requires_review while it waits). A rejected letter may be
// sent again; an approved one, with the money part done, verifies the organization.
import { randomString } from "../crypto/random";
import { toHex } from "../crypto/encoding";
import { guardedReviewInsert, pendingReview } from "../db/reviews";
import { currentMethodStep } from "../domain/flow/state";
import { inspectLicence } from "../domain/images/inspect-licence";
import { AWAITING_REVIEW_MS, expiryAround } from "../domain/review/decision";
import { isTransferMethod, TRANSFER_CONFIRMATION_STEP } from "../domain/transfer/record";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import type { ActionOutcome } from "../flow/steps";
import { alongside, beginChange, evidence, move, set, write } from "../flow/writer";
import { transferViewOf } from "./confirmation-view";

export const LETTER_FIELD = "authorization_letter";

const FILE_ERRORS = { licence_empty: "letter_empty", licence_too_large: "letter_too_large", licence_unsupported: "letter_unsupported" } as const;

export async function uploadLetter(ctx: FlowContext, row: ApplicantRow, form: FormData): Promise<ActionOutcome> {
  const at = currentMethodStep(row.state);
  const record = row.transfer;
  if (!at || !isTransferMethod(at.method) || at.step !== TRANSFER_CONFIRMATION_STEP || !record) return { kind: "stale" };
  // One letter at a time: while one waits for a person, or once one is approved, nothing is replaced.
  if (record.letter.status === "pending" || record.letter.status === "approved") return { kind: "stale" };
  const raw = form.get(LETTER_FIELD);
  const bytes = raw instanceof File && raw.size > 0 ? new Uint8Array(await raw.arrayBuffer()) : new Uint8Array();
  const inspected = inspectLicence(bytes);
  if (!inspected.ok) return { kind: "render", view: transferViewOf(row, ctx.now, { letterError: FILE_ERRORS[inspected.code] }), status: 422 };

  const sha256 = toHex(await crypto.subtle.digest("SHA-256", bytes));
  const key = `letters/${row.id}/${randomString(32)}`;
  await ctx.env.IMAGES.put(key, bytes, { httpMetadata: { contentType: inspected.contentType }, customMetadata: { verificationId: row.id, storedAt: String(ctx.now) } });
  const review = pendingReview(row, "authorization_letter", key, inspected.contentType, ctx.now);
  const ch = beginChange(ctx.db, row, ctx.now);
  alongside(ch, [(guard) => guardedReviewInsert(ctx.db, review, guard)]);
  evidence(ch, [{ type: "review.requested", actor: "applicant", data: { review_id: review.id, kind: review.kind, content_type: inspected.contentType, bytes: bytes.length, sha256 } }]);
  const refused = move(
    ch,
    { type: "step_data", step: TRANSFER_CONFIRMATION_STEP, data: { review_id: review.id } },
    { actor: "applicant", label: "transfer.letter_sent", data: { review_id: review.id, sha256 } },
  );
  if (!refused) set(ch, { transfer: { ...record, letter: { status: "pending", sha256 } }, expiresAt: expiryAround(row.expiresAt, ctx.now, AWAITING_REVIEW_MS) });
  const written = refused ? null : await write(ctx, ch);
  if (written?.ok) return { kind: "moved", row: written.row };
  await ctx.env.IMAGES.delete(key);
  return { kind: "stale" };
}

// The ID card photos step (上传身份证件), after the SMS code: from the desktop's file inputs or the
// phone's camera alike. OCR must agree with what was typed; then the photos go to R2 (metadata
// stripped) and the verification is verified. A mismatch is a failed attempt; a fault is not.
import { findMethod } from "../methods";
import { applyEvent } from "../verifications/apply";
import type { HostedContext } from "./context";
import type { ApplicantRow } from "./current-step";
import { storeIdCardPhotos } from "./id-card-photos";
import { recordCalls } from "./method-actions";
import { type FieldErrorCodes, parseMethodForm } from "./parse-form";
import { openPending, verifiedIdentity } from "./pending";

export type PhotosResult =
  | { kind: "invalid"; errors: FieldErrorCodes }
  | { kind: "retry"; reason: string; row: ApplicantRow }
  | { kind: "ended"; row: ApplicantRow }
  | { kind: "verified"; row: ApplicantRow }
  | { kind: "stale" };

export async function submitIdPhotos(ctx: HostedContext, row: ApplicantRow, form: FormData): Promise<PhotosResult> {
  const pending = await openPending(ctx.cipher, row);
  const flow = row.method ? findMethod(row.method)?.person : undefined;
  if (row.step !== "awaiting_id_images" || !pending || !flow?.checkIdPhotos) return { kind: "stale" };
  const parsed = await parseMethodForm(["id_front", "id_back"], form);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };

  const input = { ...pending, idFront: parsed.input.idFront!, idBack: parsed.input.idBack! };
  const result = await flow.checkIdPhotos(ctx.providers, input, !!row.options.collect_id_validity);
  await recordCalls(ctx, row, result.calls);
  if (result.kind === "unavailable") return { kind: "retry", reason: "provider_unavailable", row };
  if (result.kind === "rejected") {
    const failed = await applyEvent(ctx, row, { type: "attempt_failed", reason: result.reason }, "system", ctx.now);
    if (!failed.ok) return { kind: "stale" };
    const next = { ...failed.row, partnerName: row.partnerName };
    return next.status === "failed" ? { kind: "ended", row: next } : { kind: "retry", reason: result.reason, row: next };
  }
  const idImages = await storeIdCardPhotos(ctx, row, result.images ?? []);
  const verified = await applyEvent(ctx, row, { type: "verify" }, "applicant", ctx.now, {
    patch: { ...(await verifiedIdentity(ctx.cipher, pending)), idImages },
    data: { id_images: Object.keys(idImages) },
  });
  return verified.ok ? { kind: "verified", row: { ...verified.row, partnerName: row.partnerName } } : { kind: "stale" };
}

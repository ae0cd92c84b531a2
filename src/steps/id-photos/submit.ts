// The ID card photos (上传身份证件), from the desktop's file inputs or the phone's camera alike.
// Each side is checked by its bytes, then OCR must agree with the method's input; the photos go
// to R2 (metadata stripped) and the step passes. A mismatch is a failed attempt; a fault is not.
import { appendEvents } from "../../db/verifications";
import { inspectImage } from "../../domain/images/inspect";
import { currentMethodStep } from "../../domain/flow/state";
import type { ApplicantRow } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { hostedMethod } from "../../flow/methods";
import { pendingOf, verifiedIdentity } from "../../flow/pending";
import { beginChange, evidence, move, set, write } from "../../flow/writer";
import { storeIdCardPhotos } from "./store";

export const ID_PHOTOS_STEP = "id_photos";
const SIDES = ["id_front", "id_back"] as const;

export type PhotoErrors = Partial<Record<(typeof SIDES)[number], string>>;

export type PhotosResult =
  | { kind: "invalid"; errors: PhotoErrors }
  | { kind: "retry"; reason: string; row: ApplicantRow }
  | { kind: "ended"; row: ApplicantRow }
  | { kind: "verified"; row: ApplicantRow }
  | { kind: "stale" };

async function parsePhotos(form: FormData): Promise<{ ok: true; front: File; back: File } | { ok: false; errors: PhotoErrors }> {
  const errors: PhotoErrors = {};
  const files: File[] = [];
  for (const side of SIDES) {
    const raw = form.get(side);
    // An untouched file input arrives as an empty string or an empty file, depending on the browser.
    if (!(raw instanceof File) || raw.size === 0) {
      errors[side] = "image_empty";
      continue;
    }
    const inspected = inspectImage(new Uint8Array(await raw.arrayBuffer()), raw.type);
    if (inspected.ok) files.push(raw);
    else errors[side] = inspected.code;
  }
  const [front, back] = files;
  return front && back && Object.keys(errors).length === 0 ? { ok: true, front, back } : { ok: false, errors };
}

export async function submitIdPhotos(ctx: FlowContext, row: ApplicantRow, form: FormData): Promise<PhotosResult> {
  const at = currentMethodStep(row.state);
  const method = at ? hostedMethod(at.method) : undefined;
  const pending = at ? await pendingOf(ctx.cipher, row, at.method) : null;
  if (at?.step !== ID_PHOTOS_STEP || !pending || !method?.idPhotos) return { kind: "stale" };
  const photos = await parsePhotos(form);
  if (!photos.ok) return { kind: "invalid", errors: photos.errors };

  const result = await method.idPhotos.check(ctx.providers, pending.input, photos, row.options);
  const calls = result.calls.map((call) => ({ type: "provider.call", actor: "system" as const, data: { ...call } }));
  if (result.kind === "unavailable") {
    await appendEvents(ctx.db, row, calls, ctx.now);
    return { kind: "retry", reason: "provider_unavailable", row };
  }
  const ch = beginChange(ctx.db, row, ctx.now);
  evidence(ch, calls);
  if (result.kind === "rejected") {
    if (move(ch, { type: "attempt_failed", reason: result.reason }, { actor: "system" })) return { kind: "stale" };
    const written = await write(ctx, ch);
    if (!written.ok) return { kind: "stale" };
    return written.row.status === "failed" ? { kind: "ended", row: written.row } : { kind: "retry", reason: result.reason, row: written.row };
  }
  const idImages = await storeIdCardPhotos(ctx, row, [
    { side: "front", file: photos.front },
    { side: "back", file: photos.back },
  ]);
  if (move(ch, { type: "step_passed", step: ID_PHOTOS_STEP }, { actor: "applicant", data: { id_images: Object.keys(idImages) } })) return { kind: "stale" };
  set(ch, { ...(await verifiedIdentity(ctx.cipher, pending.input, method.sms?.phoneField)), idImages });
  const written = await write(ctx, ch);
  return written.ok ? { kind: "verified", row: written.row } : { kind: "stale" };
}

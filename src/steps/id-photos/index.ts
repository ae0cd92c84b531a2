// The ID photos step: entering it opens a handoff for the phone's camera in the same write; the
// desktop may upload both sides itself, or take them with the phone through the QR code.
import { MAX_FAILED_ATTEMPTS } from "../../domain/flow/transition";
import { currentMethodStep } from "../../domain/flow/state";
import { type ApplicantRow, localeOf } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { type DesktopHandoff, desktopHandoff, handoffPanel, openHandoff, refreshHandoff } from "../../flow/handoff";
import { reasonEntry } from "../../flow/methods";
import type { ActionOutcome, StepModule } from "../../flow/steps";
import type { StepView } from "../../../views/steps/model";

import { ID_PHOTOS_STEP, submitIdPhotos } from "./submit";
import { idCaptureChannel } from "./phone-pages";

type PhotosView = Extract<StepView, { kind: "id_photos" }>;

function photosView(row: ApplicantRow, shown: DesktopHandoff | null, extra: Partial<PhotosView> = {}): PhotosView {
  return {
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    kind: "id_photos",
    errors: {},
    attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
    handoff: handoffPanel(shown, "id_capture", row),
    ...extra,
  };
}

async function upload(ctx: FlowContext, row: ApplicantRow, form: FormData): Promise<ActionOutcome> {
  const r = await submitIdPhotos(ctx, row, form);
  if (r.kind === "invalid") return { kind: "render", view: photosView(row, await desktopHandoff(ctx, row, "id_capture"), { errors: r.errors }), status: 422 };
  if (r.kind === "retry") {
    const method = currentMethodStep(r.row.state)?.method ?? null;
    return {
      kind: "render",
      view: photosView(r.row, await desktopHandoff(ctx, r.row, "id_capture"), { reason: r.reason, reasonCounted: reasonEntry(method, r.reason)?.countsAsAttempt ?? true }),
      status: 422,
    };
  }
  return r.kind === "stale" ? { kind: "stale" } : { kind: "moved", row: r.row };
}

async function refresh(ctx: FlowContext, row: ApplicantRow): Promise<ActionOutcome> {
  if (currentMethodStep(row.state)?.step !== ID_PHOTOS_STEP) return { kind: "stale" };
  const next = await refreshHandoff(ctx, row, "id_capture");
  return next ? { kind: "moved", row: next } : { kind: "stale" };
}

export const idPhotosStep: StepModule<DesktopHandoff | null> = {
  kind: ID_PHOTOS_STEP,
  async enter(ctx, ch) {
    await openHandoff(ctx, ch, "id_capture");
    return undefined;
  },
  read: (ctx, row) => desktopHandoff(ctx, row, "id_capture"),
  view: (row, _args, shown) => photosView(row, shown),
  actions: [
    { path: "id-photos", handle: (ctx, row, _s, form) => upload(ctx, row, form) },
    { path: "handoff/refresh", handle: (ctx, row) => refresh(ctx, row) },
  ],
  phone: [idCaptureChannel],
};

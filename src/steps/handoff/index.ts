// The handoff step: the method continues on a phone (face in its browser, or in Alipay). Entering
// it opens the handoff in the same write; the desktop shows the QR code and follows the phone live.
import { currentMethodStep } from "../../domain/flow/state";
import { MAX_FAILED_ATTEMPTS } from "../../domain/flow/transition";
import { type ApplicantRow, localeOf } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { type DesktopHandoff, desktopHandoff, handoffStub, openHandoff, refreshHandoff } from "../../flow/handoff";
import { hostedMethods } from "../../flow/methods";
import type { ActionOutcome, StepModule } from "../../flow/steps";
import type { StepView } from "../../../views/steps/model";
import { queryAlipayFromDesktop } from "./alipay";
import { alipayChannel } from "./phone-alipay";
import { faceChannel } from "./phone-face";

import { HANDOFF_STEP } from "./face";

export { HANDOFF_STEP };

type HandoffView = Extract<StepView, { kind: "continue_on_phone" }>;

function handoffView(row: ApplicantRow, method: string, shown: DesktopHandoff | null, alipay: boolean): HandoffView {
  const record = shown?.record;
  return {
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    kind: "continue_on_phone",
    method,
    canChangeMethod: hostedMethods(row.methods).length > 1,
    // No handoff left (it expired, or the object forgot it): the page offers a new QR code.
    handoff: {
      state: record?.state ?? "expired",
      link: shown?.link,
      lastFailure: record?.lastFailure ?? null,
      failures: record?.failures ?? 0,
      purpose: record?.purpose ?? "face",
      attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
    },
    alipay,
    ...(row.options.form_on_phone ? { formOnPhone: true } : {}),
  };
}

async function refresh(ctx: FlowContext, row: ApplicantRow, form: FormData): Promise<ActionOutcome> {
  const at = currentMethodStep(row.state);
  if (at?.step !== HANDOFF_STEP) return { kind: "stale" };
  const channel = form.get("channel");
  const record = row.handoffId ? await handoffStub(ctx, row.handoffId).get() : null;
  // The face step keeps whichever channel (phone browser or Alipay) the applicant last chose.
  const purpose = channel === "alipay_face" && ctx.providers.alipayFace ? "alipay_face" : channel === "face" ? "face" : record?.purpose === "alipay_face" ? "alipay_face" : "face";
  const next = await refreshHandoff(ctx, row, purpose);
  return next ? { kind: "moved", row: next } : { kind: "stale" };
}

/** The desktop asks Alipay for the result of the phone's check; a notice when it settled nothing. */
async function alipayResult(ctx: FlowContext, row: ApplicantRow): Promise<ActionOutcome> {
  const at = currentMethodStep(row.state);
  if (at?.step !== HANDOFF_STEP) return { kind: "stale" };
  const notice = await queryAlipayFromDesktop(ctx, row);
  if (!notice) return { kind: "stale" };
  return { kind: "moved", row, notice: { alipayNotice: notice } };
}

export const handoffStep: StepModule<{ shown: DesktopHandoff | null; alipay: boolean }> = {
  kind: HANDOFF_STEP,
  async enter(ctx, ch) {
    // The legal representative's quick check goes to Alipay face where it is configured live, as
    // e签宝 does; the phone's browser otherwise (and in test mode, where both are offered).
    const purpose = ch.row.options.form_on_phone && ch.row.livemode && ctx.providers.alipayFace ? "alipay_face" : "face";
    await openHandoff(ctx, ch, purpose);
    return undefined;
  },
  async read(ctx, row) {
    return { shown: await desktopHandoff(ctx, row, "face"), alipay: ctx.providers.alipayFace !== null };
  },
  view(row, { at }, { shown, alipay }, notice) {
    const view = handoffView(row, at.method, shown, alipay);
    const alipayNotice = notice?.alipayNotice;
    return typeof alipayNotice === "string" ? { ...view, alipayNotice: alipayNotice as HandoffView["alipayNotice"] } : view;
  },
  actions: [
    { path: "handoff/refresh", handle: (ctx, row, _s, form) => refresh(ctx, row, form) },
    { path: "handoff/alipay-result", handle: (ctx, row) => alipayResult(ctx, row) },
  ],
  phone: [faceChannel, alipayChannel],
};

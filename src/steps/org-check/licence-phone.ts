// 用手机拍摄营业执照: the licence taken with the phone's camera. The desktop form is sent first:
// its typed fields and consent are checked as the upload checks them, the consent recorded, the
// fields sealed in the flow's pending input, and a handoff opened in the same write. The phone's
// photo then completes the upload's work through sendLicence, from the sealed fields: the phone
// never sees them, and a photo can only ever be sent with what the desktop typed.
import { isTerminal } from "../../domain/handoff/machine";
import { currentPreambleStep } from "../../domain/flow/state";
import type { ApplicantRow, ApplicantSession } from "../../flow/applicant";
import { recordConsent } from "../../flow/consent";
import type { FlowContext } from "../../flow/context";
import { documentSentFromPhone, openHandoff, type PhoneSession, refreshHandoff } from "../../flow/handoff";
import { pendingOf, sealPending } from "../../flow/pending";
import type { ActionOutcome } from "../../flow/steps";
import { ORG_CHECK_STEP } from "../../flow/types";
import { beginChange, move, set, write } from "../../flow/writer";
import { type OrgCheckInput, orgCheckInput } from "./schema";
import { type LicenceFileError, licenceOf, licenceReason, sendLicence } from "./send-licence";
import { readTyped } from "./typed";
import { withLicence, withOrgReason } from "./view";

export const LICENCE_PURPOSE = "licence_capture";
/** The step's data while the licence is to come from the phone. */
export const VIA_PHONE = "phone";

/** Whether the org check waits for the licence from the phone. */
export function waitsForPhone(row: ApplicantRow): boolean {
  const at = currentPreambleStep(row.state);
  return at?.step === ORG_CHECK_STEP && at.data?.licence_via === VIA_PHONE && !at.data.review_id;
}

/** The typed fields as the desktop sent them, read back and checked again (null if none are kept). */
export async function sealedInput(ctx: Pick<FlowContext, "cipher">, row: ApplicantRow): Promise<OrgCheckInput | null> {
  const pending = await pendingOf(ctx.cipher, row, ORG_CHECK_STEP);
  const parsed = pending ? orgCheckInput.safeParse(pending.input) : null;
  return parsed?.success ? parsed.data : null;
}

/** The desktop's 用手机拍摄营业执照: the form checked and kept, and the QR code for the phone. */
export async function offerPhone(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, form: FormData): Promise<ActionOutcome> {
  const reason = await licenceReason(ctx, row);
  if (!reason) return { kind: "stale" };
  const { input, errors, view } = await readTyped(ctx, row, form);
  if (!input) return { kind: "render", view: withLicence({ ...withOrgReason(view(row), reason), errors }), status: 422 };
  const kept = Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"));
  const ch = beginChange(ctx.db, row, ctx.now);
  // Ticked here, with these fields: the consent is recorded as the desktop sent it, not when the photo arrives.
  await recordConsent(ctx, ch, session.applicantId, "method_processing", "org_check");
  set(ch, { pendingEnc: await sealPending(ctx.cipher, ORG_CHECK_STEP, kept) });
  if (move(ch, { type: "step_data", step: ORG_CHECK_STEP, data: { licence_via: VIA_PHONE, review_rejected: "" } }, { actor: "applicant", label: "organization.licence_by_phone" })) {
    return { kind: "stale" };
  }
  await openHandoff(ctx, ch, LICENCE_PURPOSE);
  const written = await write(ctx, ch);
  return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
}

/** A new QR code while the desktop waits for the phone. */
export async function refreshLicenceHandoff(ctx: FlowContext, row: ApplicantRow): Promise<ActionOutcome> {
  if (!waitsForPhone(row)) return { kind: "stale" };
  const next = await refreshHandoff(ctx, row, LICENCE_PURPOSE);
  return next ? { kind: "moved", row: next } : { kind: "stale" };
}

export type PhoneLicenceOutcome = { kind: "invalid"; code: LicenceFileError } | { kind: "done" };

/** The phone's photo: checked by its bytes, then sent with the sealed fields; the handoff ends with it. */
export async function licenceFromPhone(ctx: FlowContext, s: PhoneSession, form: FormData): Promise<PhoneLicenceOutcome> {
  if (s.record.purpose !== LICENCE_PURPOSE || isTerminal(s.record.state) || !waitsForPhone(s.row)) return { kind: "done" };
  const file = await licenceOf(form);
  if (!file.ok) return { kind: "invalid", code: file.code };
  const [reason, input] = await Promise.all([licenceReason(ctx, s.row), sealedInput(ctx, s.row)]);
  if (!reason || !input) return { kind: "done" };
  const sent = await sendLicence(ctx, s.row, { input, file, reason, consentBy: null });
  // Another device settled it first: the handoff has nothing to add.
  if (!sent) return { kind: "done" };
  await documentSentFromPhone(ctx, s.record.handoffId);
  return { kind: "done" };
}

// The business licence sent for a person's review, whichever device took it: the desktop's own
// upload (licence.ts) and the phone's (licence-phone.ts) both end here, with the typed fields
// already checked and a file already inspected by its bytes. It stores the file in R2, reads it
// with OCR, writes the review row with the flow's change (step_data review_id), and must never
// pass the check itself.
import { randomString } from "../../crypto/random";
import { guardedReviewInsert, pendingReview } from "../../db/reviews";
import { currentPreambleStep } from "../../domain/flow/state";
import { inspectLicence, type LicenceType } from "../../domain/images/inspect-licence";
import { AWAITING_REVIEW_MS, expiryAround } from "../../domain/review/decision";
import type { ApplicantRow } from "../../flow/applicant";
import { recordConsent } from "../../flow/consent";
import type { FlowContext } from "../../flow/context";
import { ORG_CHECK_STEP } from "../../flow/types";
import { alongside, beginChange, evidence, move, set, write } from "../../flow/writer";
import { readLicence } from "../../reviews/licence-reading";
import { lastRegistryAnswer, registryReason } from "../../reviews/registry-answer";
import type { OrgCheckInput } from "./schema";
import { checked } from "./typed";
import { LICENCE_REASONS } from "./view";

export type LicenceFile = { bytes: Uint8Array; contentType: LicenceType };
export type LicenceFileError = "licence_empty" | "licence_too_large" | "licence_unsupported";

/** The posted file under `business_licence`, checked by its bytes. */
export async function licenceOf(form: FormData): Promise<({ ok: true } & LicenceFile) | { ok: false; code: LicenceFileError }> {
  const raw = form.get("business_licence");
  // An untouched file input arrives as an empty string or an empty file, depending on the browser.
  if (!(raw instanceof File) || raw.size === 0) return { ok: false, code: "licence_empty" };
  const bytes = new Uint8Array(await raw.arrayBuffer());
  const inspected = inspectLicence(bytes);
  return inspected.ok ? { ...inspected, bytes } : inspected;
}

/**
 * The registry's reason that lets a person look at the licence, when the flow stands at the org
 * check with no review yet: never instead of a mismatch, never twice.
 */
export async function licenceReason(ctx: FlowContext, row: ApplicantRow): Promise<string | null> {
  const at = currentPreambleStep(row.state);
  if (row.type !== "organization" || at?.step !== ORG_CHECK_STEP || at.data?.review_id) return null;
  const reason = registryReason(await lastRegistryAnswer(ctx.db, row.id));
  return reason && LICENCE_REASONS.includes(reason) ? reason : null;
}

export interface LicenceSending {
  input: OrgCheckInput;
  file: LicenceFile;
  /** The registry's reason that allowed it (licenceReason). */
  reason: string;
  /** Who consented with this write; null when the consent was recorded as the form was sent to wait for the phone. */
  consentBy: string | null;
}

/** Answers the row after the write, or null when another tab or device moved the flow first (nothing is left in R2). */
export async function sendLicence(ctx: FlowContext, row: ApplicantRow, sending: LicenceSending): Promise<ApplicantRow | null> {
  const { input, file, reason } = sending;
  const key = `licences/${row.id}/${randomString(32)}`;
  // The OCR reading for the reviewer, beside the upload to R2: a fault or timeout comes back as a
  // status (readLicence never throws) and never stops the review.
  const typed = { orgName: input.org_name, creditCode: input.credential_code, legalRepName: input.legal_rep_name };
  const [reading] = await Promise.all([
    readLicence(ctx.providers.ocr, file, typed),
    ctx.env.IMAGES.put(key, file.bytes, { httpMetadata: { contentType: file.contentType }, customMetadata: { verificationId: row.id, storedAt: String(ctx.now) } }),
  ]);
  const review = pendingReview(row, "business_licence", key, file.contentType, ctx.now);
  const ch = beginChange(ctx.db, row, ctx.now);
  if (sending.consentBy) await recordConsent(ctx, ch, sending.consentBy, "method_processing", "org_check");
  alongside(ch, [(guard) => guardedReviewInsert(ctx.db, review, guard)]);
  evidence(ch, [
    {
      type: "review.requested",
      actor: "applicant",
      data: { review_id: review.id, kind: review.kind, content_type: file.contentType, bytes: file.bytes.length, registry_reason: reason, licence_reading: reading },
    },
  ]);
  const refused = move(
    ch,
    { type: "step_data", step: ORG_CHECK_STEP, data: { review_id: review.id, review_rejected: "", licence_via: "" } },
    { actor: "applicant", label: "organization.review_requested", data: { review_id: review.id } },
  );
  // After the move, so an overdue verification is refused by its own expiry, never revived by the longer one.
  // The typed fields waiting for the phone (if any) have done their work.
  if (!refused) set(ch, { ...(await checked(ctx, input)), pendingEnc: null, expiresAt: expiryAround(row.expiresAt, ctx.now, AWAITING_REVIEW_MS) });
  const written = refused ? null : await write(ctx, ch);
  if (written?.ok) return written.row;
  await ctx.env.IMAGES.delete(key);
  return null;
}

// 上传营业执照，人工审核: the organization check's other way when the registry does not know the
// organization yet (org_not_found) or cannot say its status (moved, unknown). The typed fields and
// the consent are read as the check reads them; the file is checked by its bytes, stored in R2
// under a random key, and a review row is written with the flow's change (step_data review_id), so
// the org_check screen waits for a person. It must never pass the check itself.
import { randomString, newId } from "../../crypto/random";
import { guardedReviewInsert, type ReviewRow } from "../../db/reviews";
import { currentPreambleStep } from "../../domain/flow/state";
import { AWAITING_REVIEW_MS, expiryAround } from "../../domain/review/decision";
import { inspectLicence } from "../../domain/images/inspect-licence";
import type { ApplicantRow, ApplicantSession } from "../../flow/applicant";
import { recordConsent } from "../../flow/consent";
import type { FlowContext } from "../../flow/context";
import type { ActionOutcome } from "../../flow/steps";
import { ORG_CHECK_STEP } from "../../flow/types";
import { alongside, beginChange, evidence, move, set, write } from "../../flow/writer";
import { readLicence } from "../../reviews/licence-reading";
import { lastRegistryAnswer, registryReason } from "../../reviews/registry-answer";
import { checked, readTyped } from "./typed";
import { LICENCE_REASONS, withLicence, withOrgReason } from "./view";

async function licenceOf(form: FormData) {
  const raw = form.get("business_licence");
  // An untouched file input arrives as an empty string or an empty file, depending on the browser.
  if (!(raw instanceof File) || raw.size === 0) return { ok: false as const, code: "licence_empty" as const };
  const bytes = new Uint8Array(await raw.arrayBuffer());
  const inspected = inspectLicence(bytes);
  return inspected.ok ? { ...inspected, bytes } : inspected;
}

export async function submitLicence(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, form: FormData): Promise<ActionOutcome> {
  const at = currentPreambleStep(row.state);
  if (row.type !== "organization" || at?.step !== ORG_CHECK_STEP || at.data?.review_id) return { kind: "stale" };
  // Only where the registry's own answer leaves a person to decide: never instead of a mismatch.
  const reason = registryReason(await lastRegistryAnswer(ctx.db, row.id));
  if (!reason || !LICENCE_REASONS.includes(reason)) return { kind: "stale" };
  const { input, errors, view } = await readTyped(ctx, row, form);
  const file = await licenceOf(form);
  if (!input || !file.ok) {
    // Nothing typed is lost: the form comes back with the registry's reason and the file's error next to it.
    const again = { ...withOrgReason(view(row), reason), errors };
    return { kind: "render", view: withLicence(again, file.ok ? undefined : file.code), status: 422 };
  }

  const key = `licences/${row.id}/${randomString(32)}`;
  // The OCR reading for the reviewer, only once everything is valid, beside the upload to R2: a
  // fault or timeout comes back as a status (readLicence never throws) and never stops the review.
  const typed = { orgName: input.org_name, creditCode: input.credential_code, legalRepName: input.legal_rep_name };
  const [reading] = await Promise.all([
    readLicence(ctx.providers.ocr, file, typed),
    ctx.env.IMAGES.put(key, file.bytes, { httpMetadata: { contentType: file.contentType }, customMetadata: { verificationId: row.id, storedAt: String(ctx.now) } }),
  ]);
  const review: ReviewRow = {
    id: newId("rev"),
    verificationId: row.id,
    partnerId: row.partnerId,
    kind: "business_licence",
    status: "pending",
    objectKey: key,
    contentType: file.contentType,
    claimedBy: null,
    claimedUntil: null,
    decidedBy: null,
    decision: null,
    reason: null,
    note: null,
    createdAt: ctx.now,
    decidedAt: null,
  };
  const ch = beginChange(ctx.db, row, ctx.now);
  await recordConsent(ctx, ch, session.applicantId, "method_processing", "org_check");
  alongside(ch, [(guard) => guardedReviewInsert(ctx.db, review, guard)]);
  set(ch, { ...(await checked(ctx, input)), expiresAt: expiryAround(row.expiresAt, ctx.now, AWAITING_REVIEW_MS) });
  evidence(ch, [
    {
      type: "review.requested",
      actor: "applicant",
      data: {
        review_id: review.id,
        kind: review.kind,
        content_type: file.contentType,
        bytes: file.bytes.length,
        registry_reason: reason,
        licence_reading: reading,
      },
    },
  ]);
  if (
    move(
      ch,
      { type: "step_data", step: ORG_CHECK_STEP, data: { review_id: review.id, review_rejected: "" } },
      { actor: "applicant", label: "organization.review_requested", data: { review_id: review.id } },
    )
  ) {
    await ctx.env.IMAGES.delete(key);
    return { kind: "stale" };
  }
  const written = await write(ctx, ch);
  if (!written.ok) {
    await ctx.env.IMAGES.delete(key);
    return { kind: "stale" };
  }
  return { kind: "moved", row: written.row };
}

// The organization check's form, drawn by the method form's view: the organization's name and
// credential code (public, shown whole, pre-filled from what the partner sent and editable), the
// legal representative's name and ID number (masked where the partner sent them), the consent.
import { MAX_FAILED_ATTEMPTS } from "../../domain/flow/transition";
import { type ApplicantRow, localeOf } from "../../flow/applicant";
import { type DesktopHandoff, handoffPanel } from "../../flow/handoff";
import { reasonEntry } from "../../flow/methods";
import type { FormValues } from "../../flow/form/parse";
import { prefilledMasks } from "../../flow/form/prefill";
import type { StepView } from "../../../views/steps/model";

type FormView = Extract<StepView, { kind: "method_form" }>;
import { orgCheckReasons } from "./reasons";
import { ORG_CHECK_FIELDS } from "./schema";

export const ORG_CHECK_FORM = "org_check";
export const ORG_CHECK_PATH = "organization/check";
export const LICENCE_PATH = "organization/licence";
export const LICENCE_PHONE_PATH = "organization/licence/phone";

/** The registry's answers for which a person may look at the business licence instead (the registries lag behind new and renamed organizations). */
export const LICENCE_REASONS: readonly string[] = ["org_not_found", "org_moved", "org_unknown"];

const hints = (idRequired: boolean) => ({
  org_name: "org_check.hint.org_name",
  credential_code: "org_check.hint.credential_code",
  legal_rep_id_number: idRequired ? "org_check.hint.legal_rep_id_number_required" : "org_check.hint.legal_rep_id_number",
});

/**
 * `typed`: what the operator sent, shown again with an answer; otherwise what the row knows.
 * `idRequired`: only a 4-element check can run here (see schema.ts).
 */
export function orgCheckView(row: ApplicantRow, idRequired: boolean, typed: FormValues | null = null): FormView {
  const values = typed ?? { org_name: row.orgName ?? "", credential_code: row.orgCredentialCode ?? "" };
  return {
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    kind: "method_form",
    method: ORG_CHECK_FORM,
    action: `/v/${row.id}/${ORG_CHECK_PATH}`,
    stepName: ORG_CHECK_FORM,
    intro: "org_check.intro",
    optional: idRequired ? [] : ["legal_rep_id_number"],
    fields: ORG_CHECK_FIELDS,
    values,
    prefilled: prefilledMasks({ row }, ["legal_rep_name", "legal_rep_id_number"]),
    errors: {},
    hints: hints(idRequired),
    attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
    canChangeMethod: false,
  };
}

export function withOrgReason(view: FormView, reason: string): FormView {
  const entry = (orgCheckReasons as Record<string, { countsAsAttempt: boolean } | undefined>)[reason] ?? reasonEntry(null, reason);
  const shown = { ...view, reason, reasonCounted: entry?.countsAsAttempt ?? true };
  return LICENCE_REASONS.includes(reason) ? withLicence(shown) : shown;
}

/** The form also offers 上传营业执照，人工审核: the same typed fields and consent, with the licence, to a person. */
export function withLicence(view: FormView, error?: string): FormView {
  const base = `/v/${view.verificationId}`;
  return { ...view, licence: { action: `${base}/${LICENCE_PATH}`, phoneAction: `${base}/${LICENCE_PHONE_PATH}`, ...(error ? { error } : {}) } };
}

/** 用手机拍摄营业执照: the typed fields kept, the phone's QR code, and the page following it live. */
export function licencePhoneView(row: ApplicantRow, shown: DesktopHandoff | null): StepView {
  return {
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    kind: "licence_phone",
    handoff: handoffPanel(shown, "licence_capture", row),
  };
}

/** A reviewer rejected the licence: the form again with why (in words), and the licence may be sent again. */
export function withReviewRejected(view: FormView, reason: string): FormView {
  return withLicence({ ...view, reason: `review_${reason}`, reasonCounted: false });
}

/** While a person reviews the licence: the waiting page, which looks again by itself. */
export function reviewPendingView(row: ApplicantRow): StepView {
  return { locale: localeOf(row), verificationId: row.id, partnerName: row.partnerName, kind: "review_pending", targetHours: 4, pollUrl: `/v/${row.id}` };
}

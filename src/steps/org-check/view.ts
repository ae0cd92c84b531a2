// The organization check's form, drawn by the method form's view: the organization's name and
// credential code (public, shown whole, pre-filled from what the partner sent and editable), the
// legal representative's name and ID number (masked where the partner sent them), the consent.
import { MAX_FAILED_ATTEMPTS } from "../../domain/flow/transition";
import { type ApplicantRow, localeOf } from "../../flow/applicant";
import { reasonEntry } from "../../flow/methods";
import type { FormValues } from "../../flow/form/parse";
import { prefilledMasks } from "../../flow/form/prefill";
import type { StepView } from "../../../views/steps/model";

type FormView = Extract<StepView, { kind: "method_form" }>;
import { orgCheckReasons } from "./reasons";
import { ORG_CHECK_FIELDS } from "./schema";

export const ORG_CHECK_FORM = "org_check";
export const ORG_CHECK_PATH = "organization/check";

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
  return { ...view, reason, reasonCounted: entry?.countsAsAttempt ?? true };
}

// The corporate account form's view model: a pure read of the row, and what was typed.
import { MAX_FAILED_ATTEMPTS } from "../domain/flow/transition";
import { MAX_PAYOUTS } from "../domain/transfer/record";
import { type ApplicantRow, localeOf } from "../flow/applicant";
import { hostedMethods } from "../flow/methods";
import type { CorporateAccountForm, StepView } from "../../views/steps/model";

export const ACCOUNT_PATH = "transfer/account";

export function accountForm(row: ApplicantRow, values: CorporateAccountForm["values"] = {}): CorporateAccountForm {
  const record = row.transfer?.direction === "forward" ? row.transfer : null;
  return {
    action: `/v/${row.id}/${ACCOUNT_PATH}`,
    accountName: row.orgName ?? "",
    values,
    errors: {},
    consent: false,
    payoutsLeft: MAX_PAYOUTS - (record?.payouts ?? 0),
  };
}

export function corporateAccountView(row: ApplicantRow, form: CorporateAccountForm): Extract<StepView, { kind: "corporate_account" }> {
  return {
    kind: "corporate_account",
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    form,
    canChangeMethod: hostedMethods(row.methods).length > 1 && row.failedAttempts < MAX_FAILED_ATTEMPTS,
  };
}

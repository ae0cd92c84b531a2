// The method form's view model: a pure read of the row and the method's own definition.
import { MAX_FAILED_ATTEMPTS } from "../../domain/flow/transition";
import { type ApplicantRow, type ApplicantSession, localeOf } from "../../flow/applicant";
import { formFields, hostedMethod, hostedMethods, reasonEntry } from "../../flow/methods";
import type { Pending } from "../../flow/pending";
import type { StepView } from "../../../views/steps/model";
import { type PrefillSources, prefilledMasks, withoutPrefilled } from "../../flow/form/prefill";

export type FormView = Extract<StepView, { kind: "method_form" }>;

/** What this method's form can offer pre-filled: the partner's values, and the phone `session` proved at sign-in. */
export function prefillSources(row: ApplicantRow, method: string, session: ApplicantSession | null): PrefillSources {
  const field = hostedMethod(method)?.sms?.phoneField;
  return { row, signIn: field && session?.phone ? { field, phone: session.phone } : undefined, locked: !!row.options.lock_prefills };
}

/** The method's form; `pending`, when it is this method's, fills in what the applicant typed before. */
export function methodFormView(row: ApplicantRow, method: string, pending: Pending | null, session: ApplicantSession | null): FormView {
  const hosted = hostedMethod(method);
  const fields = hosted ? formFields(hosted, row.options) : [];
  // Back to edit what this applicant typed: their own values. What was pre-filled stays masked
  // either way, even once it went through the checks.
  const own = pending?.method === method ? pending : null;
  const fromPartner = new Set(own?.prefilled ?? []);
  return {
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    kind: "method_form",
    method,
    fields,
    values: withoutPrefilled(own?.input ?? {}, fromPartner),
    prefilled: prefilledMasks(prefillSources(row, method, session), own ? [...fromPartner] : fields),
    errors: {},
    ...(hosted?.hints ? { hints: hosted.hints } : {}),
    ...(hosted?.formNote ? { note: hosted.formNote } : {}),
    attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
    canChangeMethod: hostedMethods(row.methods).length > 1,
  };
}

/** The form again with a check's answer: its reason, and whether it used one of the tries. */
export function withReason(view: FormView, reason: string): FormView {
  return { ...view, reason, reasonCounted: reasonEntry(view.method, reason)?.countsAsAttempt ?? true };
}

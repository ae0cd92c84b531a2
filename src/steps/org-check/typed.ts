// The organization as the operator typed it, read once for both of the org check's actions (the
// registry check and the business licence for review): the fields with what the partner
// pre-filled, the consent, the errors next to each field; and what the row keeps of it
// (legal representative's name and ID number encrypted, hashed, masked).
import { maskName } from "../../domain/masking";
import { legalRepIdNumberPatch } from "../../verifications/legal-rep-id";
import type { ApplicantRow } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { parseFields } from "../../flow/form/parse";
import { fillPrefilled, withoutPrefilled } from "../../flow/form/prefill";
import type { OrgCheckInput } from "./schema";
import { missingFields, orgCheckInput } from "./schema";
import { orgCheckView } from "./view";

/** `view(row)`: the form with what was typed and ticked, for any answer that re-renders it. */
export async function readTyped(ctx: FlowContext, row: ApplicantRow, form: FormData) {
  const filled = await fillPrefilled(ctx.cipher, { row }, ["legal_rep_name", "legal_rep_id_number"], form);
  const idRequired = ctx.providers.businessRegistryNeedsLegalRepId;
  const parsed = parseFields(orgCheckInput, form);
  const consented = form.get("consent") === "yes";
  const typed = withoutPrefilled(parsed.values, filled);
  const view = (r: ApplicantRow) => ({ ...orgCheckView(r, idRequired, typed), consent: consented });
  const unticked: Record<string, string> = consented ? {} : { consent: "consent_required" };
  const input = parsed.ok ? orgCheckInput.parse(parsed.input) : null;
  const errors: Partial<Record<string, string>> = { ...(parsed.ok ? {} : parsed.errors), ...(input ? missingFields(input, idRequired) : {}), ...unticked };
  return { input: Object.keys(errors).length === 0 ? input : null, errors, view };
}

export async function checked(ctx: FlowContext, input: OrgCheckInput) {
  const [nameEnc, id] = await Promise.all([ctx.cipher.encrypt(input.legal_rep_name), legalRepIdNumberPatch(ctx.cipher, input.legal_rep_id_number)]);
  return {
    orgName: input.org_name,
    orgCredentialCode: input.credential_code,
    orgLegalRepNameEnc: nameEnc,
    orgLegalRepNameMasked: maskName(input.legal_rep_name),
    ...id,
  };
}

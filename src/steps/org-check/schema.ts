// The organization check's input, as the operator types it. The name is normalised as the
// registry writes names (full-width brackets, no spaces); the credential code is a USCC or a
// 15-digit registration number; the legal representative's ID number is optional, and given, the
// check is 4-element. The form's fields and the typed input both come from this one object.
import { z } from "zod";
import { normaliseOrgName } from "../../domain/organization/org-name";
import { credentialCode, personName, residentIdNumber } from "../../schemas/identifiers";

export const ORG_NAME_MAX = 128;

const orgName = z.string().transform((input, ctx): string => {
  const name = normaliseOrgName(input);
  const code = name === "" ? "required" : [...name].length > ORG_NAME_MAX ? "too_long" : [...name].length < 2 ? "too_short" : null;
  if (!code) return name;
  ctx.addIssue({ code: "custom", message: code, params: { code } });
  return z.NEVER;
});

// A field left blank is a field not given, not a malformed one.
const optional = <T extends z.ZodType>(rule: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), rule.optional());

export const orgCheckInput = z.object({
  org_name: orgName,
  credential_code: credentialCode,
  legal_rep_name: personName,
  legal_rep_id_number: optional(residentIdNumber),
});
export type OrgCheckInput = z.output<typeof orgCheckInput>;

/**
 * With `idRequired` (only a 4-element check can run: the live registry configured is Tencent
 * Cloud's alone), the legal representative's ID number must be given.
 */
export function missingFields(input: OrgCheckInput, idRequired: boolean): Record<string, string> {
  return idRequired && !input.legal_rep_id_number ? { legal_rep_id_number: "required" } : {};
}

export const ORG_CHECK_FIELDS = Object.keys(orgCheckInput.shape);

// zod schemas for the identifiers, wrapping the pure validators so API and pages share one
// rule each. A failure carries the validator's code in `params.code`.
import { z } from "zod";
import { validateCorporateAccountNumber } from "../domain/validators/corporate-account-number";
import { validateBankBranchCode, validateBankCardNumber, validateCredentialCode, validateMobileNumber, validatePersonName, validateResidentIdNumber } from "../domain/validators";
import type { Validation } from "../domain/validators/result";

function identifier<T>(validate: (input: string) => Validation<T>, description: string, example: string) {
  return z
    .string()
    .meta({ description, examples: [example] })
    .transform((input, ctx): T => {
      const result = validate(input);
      if (result.ok) return result.value;
      ctx.addIssue({ code: "custom", message: result.code, params: { code: result.code } });
      return z.NEVER;
    });
}

export const residentIdNumber = identifier(validateResidentIdNumber, "Resident ID number, 18 characters (GB 11643-1999); a lowercase x is accepted and returned as X.", "11010519491231002X");
export const mobileNumber = identifier(validateMobileNumber, "Mainland China mobile number; an optional +86 is removed.", "13800138000");
export const personName = identifier(validatePersonName, "Person name, Chinese (with · allowed) or Latin script, 2 to 64 characters.", "张三");
export const bankCardNumber = identifier(validateBankCardNumber, "Bank card number, 12 to 19 digits (Luhn).", "6222021234567890123");
export const corporateAccountNumber = identifier(validateCorporateAccountNumber, "Corporate account number, 6 to 32 digits (spaces and hyphens are removed).", "110060149018800012345");
export const bankBranchCode = identifier(validateBankBranchCode, "Bank branch code (CNAPS), 12 digits.", "102100099996");
export const credentialCode = identifier(
  (input) => {
    const r = validateCredentialCode(input);
    return r.ok ? { ok: true as const, value: r.value.value } : r;
  },
  "Unified social credit code (18 characters, GB 32100-2015) or 15-digit registration number.",
  "91350100M000100Y43",
);

/** The stable code of a failed parse's first issue: the validator's own code when it has one. */
export function firstIssueCode(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid_value";
  if (issue.code === "custom" && typeof issue.params?.code === "string") return issue.params.code;
  if (issue.code === "invalid_type" || (issue.code === "invalid_value" && issue.input === undefined)) return "required";
  return "invalid_format";
}

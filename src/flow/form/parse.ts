// Parses a method's form against its input schema, one field at a time, so every bad field gets
// its own message and what the applicant typed comes back to fill the form again.
import { z } from "zod";
import type { MethodInput } from "../methods";
import { firstIssueCode } from "../../schemas/identifiers";

export type FormValues = Partial<Record<string, string>>;
export type FieldErrorCodes = Partial<Record<string, string>>;

export type ParsedForm = { ok: true; input: MethodInput; values: FormValues } | { ok: false; errors: FieldErrorCodes; values: FormValues };

export function parseFields(schema: z.ZodObject, form: FormData): ParsedForm {
  const values: FormValues = {};
  const errors: FieldErrorCodes = {};
  const input: MethodInput = {};
  for (const [field, rule] of Object.entries(schema.shape)) {
    const raw = form.get(field);
    values[field] = typeof raw === "string" ? raw : "";
    const parsed = z.safeParse(rule, raw ?? undefined, { reportInput: true });
    if (!parsed.success) errors[field] = firstIssueCode(parsed.error);
    else if (typeof parsed.data === "string") input[field] = parsed.data;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, input, values };
}

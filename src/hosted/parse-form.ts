// Parses a method's form fields with the shared field rules. Each field is checked on its own so
// every bad field gets its own message, and what the applicant typed comes back to re-fill the form.
import { FIELD_RULES, FILE_FIELDS, type FieldName } from "../methods/fields";
import type { Collected } from "../methods/method";
import { firstIssueCode } from "../schemas/identifiers";
import { inspectImage } from "../domain/images/inspect";

export type FormValues = Partial<Record<FieldName, string>>;
export type FieldErrorCodes = Partial<Record<FieldName, string>>;

const KEYS: Record<FieldName, keyof Collected> = {
  name: "name",
  id_number: "idNumber",
  phone: "phone",
  card_number: "cardNumber",
  valid_from: "validFrom",
  valid_to: "validTo",
  id_front: "idFront",
  id_back: "idBack",
};

export type ParsedForm =
  | { ok: true; input: Collected; values: FormValues }
  | { ok: false; errors: FieldErrorCodes; values: FormValues };

export async function parseMethodForm(fields: readonly FieldName[], form: FormData): Promise<ParsedForm> {
  const values: FormValues = {};
  const errors: FieldErrorCodes = {};
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = form.get(field);
    if (FILE_FIELDS.includes(field)) {
      // An untouched file input arrives as an empty string or an empty file, depending on the browser.
      if (!(raw instanceof File) || raw.size === 0) {
        errors[field] = "image_empty";
        continue;
      }
    } else values[field] = typeof raw === "string" ? raw : "";
    const parsed = FIELD_RULES[field].safeParse(raw ?? undefined, { reportInput: true });
    if (!parsed.success) errors[field] = firstIssueCode(parsed.error);
    else if (parsed.data instanceof File) {
      const inspected = inspectImage(new Uint8Array(await parsed.data.arrayBuffer()), parsed.data.type);
      if (inspected.ok) input[KEYS[field]] = parsed.data;
      else errors[field] = inspected.code;
    } else input[KEYS[field]] = parsed.data;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, input: input as unknown as Collected, values };
}

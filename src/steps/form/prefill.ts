// What a partner sent when creating the verification (name, ID number, phone) pre-fills the
// method form, masked: the link may reach someone other than the applicant, so a page never shows
// the full values. A pre-filled field left blank takes the stored value when the form is sent, and
// a form that comes back with an error leaves it blank again rather than echo the full value.
import type { DataCipher } from "../../crypto/data-key";
import type { VerificationRow } from "../../db/verifications";
import type { FormValues } from "./parse";

type Stored = Pick<VerificationRow, "personNameEnc" | "personNameMasked" | "personIdNumberEnc" | "personIdNumberMasked" | "personPhoneEnc" | "personPhoneMasked">;

const PREFILLABLE = {
  name: (r: Stored) => [r.personNameEnc, r.personNameMasked],
  id_number: (r: Stored) => [r.personIdNumberEnc, r.personIdNumberMasked],
  phone: (r: Stored) => [r.personPhoneEnc, r.personPhoneMasked],
} as const satisfies Record<string, (r: Stored) => [string | null, string | null]>;

type Prefillable = keyof typeof PREFILLABLE;
export type PrefilledMasks = Partial<Record<Prefillable, string>>;

const prefillable = (field: string): field is Prefillable => Object.hasOwn(PREFILLABLE, field);

/** The masked forms of what the partner pre-filled, by field. */
export function prefilledMasks(row: Stored, fields: readonly string[]): PrefilledMasks {
  const masks: PrefilledMasks = {};
  for (const field of fields.filter(prefillable)) {
    const [enc, masked] = PREFILLABLE[field](row);
    if (enc && masked) masks[field] = masked;
  }
  return masks;
}

/** Fills the blank pre-filled fields of `form` from the stored values; answers which it filled. */
export async function fillPrefilled(cipher: DataCipher, row: Stored, fields: readonly string[], form: FormData): Promise<Set<string>> {
  const filled = new Set<string>();
  for (const field of fields.filter(prefillable)) {
    const [enc] = PREFILLABLE[field](row);
    const typed = form.get(field);
    if (!enc || (typeof typed === "string" && typed.trim() !== "")) continue;
    form.set(field, await cipher.decrypt(enc));
    filled.add(field);
  }
  return filled;
}

/** The form's values to show again, with what came from the stored values left blank. */
export function withoutPrefilled(values: FormValues, filled: ReadonlySet<string>): FormValues {
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, filled.has(field) ? "" : value]));
}

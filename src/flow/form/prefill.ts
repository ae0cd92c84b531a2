// What the method form offers pre-filled: what the partner sent when creating the verification
// (name, ID number, phone) and, for the phone the method's SMS code goes to, the phone this
// browser proved at sign-in (the partner's wins where both exist). The link may reach someone
// other than the applicant, so a page never shows the full values: the form shows the masked
// form in the field's place, a pre-filled field left blank takes the value when the form is sent,
// and a form that comes back with an error leaves it blank again rather than echo the full value.
import type { DataCipher } from "../../crypto/data-key";
import type { VerificationRow } from "../../db/verifications";
import { maskPhone } from "../../domain/masking";
import type { FormValues } from "./parse";

type Stored = Pick<
  VerificationRow,
  | "personNameEnc"
  | "personNameMasked"
  | "personIdNumberEnc"
  | "personIdNumberMasked"
  | "personPhoneEnc"
  | "personPhoneMasked"
  | "orgLegalRepNameEnc"
  | "orgLegalRepNameMasked"
  | "orgLegalRepIdNumberEnc"
  | "orgLegalRepIdNumberMasked"
>;

/** Where pre-filled values come from: the row, and the sign-in phone for the method's SMS phone field. */
export interface PrefillSources {
  row: Stored;
  signIn?: { field: string; phone: string } | undefined;
  /**
   * What the row holds may not be changed: a legal representative's own verification carries the
   * name (and ID number) the business registry checked, so a typed value is ignored.
   */
  locked?: boolean | undefined;
}

const FROM_PARTNER = {
  name: (r: Stored) => [r.personNameEnc, r.personNameMasked],
  id_number: (r: Stored) => [r.personIdNumberEnc, r.personIdNumberMasked],
  phone: (r: Stored) => [r.personPhoneEnc, r.personPhoneMasked],
  // The organization check's: the legal representative as the partner sent them.
  legal_rep_name: (r: Stored) => [r.orgLegalRepNameEnc, r.orgLegalRepNameMasked],
  legal_rep_id_number: (r: Stored) => [r.orgLegalRepIdNumberEnc, r.orgLegalRepIdNumberMasked],
} as const satisfies Record<string, (r: Stored) => [string | null, string | null]>;

/** A pre-filled field as the page may show it: masked, and where it comes from. */
export type PrefilledMask = { masked: string; from: "partner" | "sign_in"; locked?: true };
export type PrefilledMasks = Partial<Record<string, PrefilledMask>>;

type Source = PrefilledMask & { value: (cipher: DataCipher) => Promise<string> };

function sourceOf(sources: PrefillSources, field: string): Source | null {
  if (Object.hasOwn(FROM_PARTNER, field)) {
    const [enc, masked] = FROM_PARTNER[field as keyof typeof FROM_PARTNER](sources.row);
    if (enc && masked) return { masked, from: "partner", value: (cipher) => cipher.decrypt(enc) };
  }
  const signIn = sources.signIn;
  if (signIn?.field === field) return { masked: maskPhone(signIn.phone), from: "sign_in", value: async () => signIn.phone };
  return null;
}

/** The masked forms of what is pre-filled, by field. */
export function prefilledMasks(sources: PrefillSources, fields: readonly string[]): PrefilledMasks {
  const masks: PrefilledMasks = {};
  for (const field of fields) {
    const source = sourceOf(sources, field);
    if (source) masks[field] = { masked: source.masked, from: source.from, ...(sources.locked && source.from === "partner" ? { locked: true as const } : {}) };
  }
  return masks;
}

/** Fills the blank pre-filled fields of `form` from their sources; answers which it filled. */
export async function fillPrefilled(cipher: DataCipher, sources: PrefillSources, fields: readonly string[], form: FormData): Promise<Set<string>> {
  const filled = new Set<string>();
  for (const field of fields) {
    const source = sourceOf(sources, field);
    const typed = form.get(field);
    const keep = sources.locked && source?.from === "partner";
    if (!source || (!keep && typeof typed === "string" && typed.trim() !== "")) continue;
    form.set(field, await source.value(cipher));
    filled.add(field);
  }
  return filled;
}

/** The form's values to show again, with what came from the pre-fill left blank. */
export function withoutPrefilled(values: FormValues, filled: ReadonlySet<string>): FormValues {
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, filled.has(field) ? "" : value]));
}

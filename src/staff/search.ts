// Case search for staff: by verification id, partner reference, USCC (or registration number), or
// a full ID number or phone number, looked up by its keyed hash (the value is never stored, nor
// logged: the audit says only which kind of query it was). Pure in what it decides; the queries
// are the db module's.
import type { DataCipher } from "../crypto/data-key";
import { validateCredentialCode, validateMobileNumber, validateResidentIdNumber } from "../domain/validators";

export type CaseQuery =
  | { by: "id"; value: string }
  | { by: "id_number_hash"; value: string }
  | { by: "phone_hash"; value: string }
  | { by: "credential_code"; value: string }
  | { by: "reference"; value: string };

/** What a query typed into the search box is, in the order that cannot be mistaken. */
export async function caseQuery(cipher: DataCipher, raw: string): Promise<CaseQuery | null> {
  const q = raw.normalize("NFKC").trim();
  if (q === "") return null;
  if (/^ver_[0-9A-Za-z]{24}$/.test(q)) return { by: "id", value: q };
  const id = validateResidentIdNumber(q);
  if (id.ok) return { by: "id_number_hash", value: await cipher.hash("id_number", id.value) };
  const phone = validateMobileNumber(q);
  if (phone.ok) return { by: "phone_hash", value: await cipher.hash("phone", phone.value) };
  const code = validateCredentialCode(q);
  if (code.ok) return { by: "credential_code", value: code.value.value };
  return { by: "reference", value: q.slice(0, 128) };
}

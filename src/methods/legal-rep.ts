// The legal representative as the organization check found them, as the person their own
// verification is about: the name the registry checked, and the ID number when the 4-element
// check ran. Fixed in the child's forms.
import type { DataCipher } from "../crypto/data-key";
import type { VerificationRow } from "../db/verifications";

export async function legalRepAsPerson(parent: VerificationRow, cipher: DataCipher): Promise<{ name?: string; id_number?: string }> {
  return {
    ...(parent.orgLegalRepNameEnc ? { name: await cipher.decrypt(parent.orgLegalRepNameEnc) } : {}),
    ...(parent.orgLegalRepIdNumberEnc ? { id_number: await cipher.decrypt(parent.orgLegalRepIdNumberEnc) } : {}),
  };
}

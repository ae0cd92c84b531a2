// What a verification keeps of a legal representative's ID number: encrypted (until the end),
// a keyed hash (for staff search), masked (to show). From the operator's organization check, or
// from the legal representative's own, typed on their invitation (src/authorization).
import type { DataCipher } from "../crypto/data-key";
import { maskIdNumber } from "../domain/masking";

export async function legalRepIdNumberPatch(cipher: DataCipher, idNumber: string | undefined) {
  if (!idNumber) return { orgLegalRepIdNumberEnc: null, orgLegalRepIdNumberHash: null, orgLegalRepIdNumberMasked: null };
  const [enc, hash] = await Promise.all([cipher.encrypt(idNumber), cipher.hash("id_number", idNumber)]);
  return { orgLegalRepIdNumberEnc: enc, orgLegalRepIdNumberHash: hash, orgLegalRepIdNumberMasked: maskIdNumber(idNumber) };
}

// What a method step still needs between requests (the checked identity awaiting its SMS code,
// or the phone step), kept encrypted on the verification row and validated when read back.
import { z } from "zod";
import type { DataCipher } from "../crypto/data-key";
import type { VerificationRow } from "../db/verifications";
import type { Collected } from "../methods/method";
import { maskIdNumber, maskName, maskPhone } from "../domain/masking";

const pendingSchema = z.object({
  method: z.string(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().optional(),
  cardNumber: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  /** Fields that came from the partner's pre-fill, not from the applicant: never shown in full. */
  prefilled: z.array(z.string()).optional(),
});

export type Pending = z.infer<typeof pendingSchema>;

export function sealPending(cipher: DataCipher, method: string, input: Collected, prefilled: readonly string[] = []): Promise<string> {
  const { idFront: _f, idBack: _b, ...fields } = input;
  return cipher.encrypt(JSON.stringify({ method, ...fields, ...(prefilled.length > 0 ? { prefilled } : {}) }));
}

export async function openPending(cipher: DataCipher, row: Pick<VerificationRow, "pendingEnc">): Promise<Pending | null> {
  if (!row.pendingEnc) return null;
  const parsed = pendingSchema.safeParse(JSON.parse(await cipher.decrypt(row.pendingEnc)));
  return parsed.success ? parsed.data : null;
}

/** What a verified verification keeps of the identity: masked forms and keyed hashes, never plaintext. */
export async function verifiedIdentity(cipher: DataCipher, pending: Pending) {
  return {
    personNameMasked: maskName(pending.name),
    personIdNumberMasked: maskIdNumber(pending.idNumber),
    personIdNumberHash: await cipher.hash("id_number", pending.idNumber),
    ...(pending.phone ? { personPhoneMasked: maskPhone(pending.phone), personPhoneHash: await cipher.hash("phone", pending.phone) } : {}),
  };
}

// What a method's later steps still need of its form (the checked input awaiting its SMS code,
// or the phone step), sealed on the verification row and validated when read back. The input is
// the method's own schema output: no field list is repeated here.
import { z } from "zod";
import type { DataCipher } from "../crypto/data-key";
import type { VerificationRow } from "../db/verifications";
import { maskIdNumber, maskName, maskPhone } from "../domain/masking";
import type { MethodInput } from "./methods";

const pendingSchema = z.object({
  method: z.string(),
  input: z.record(z.string(), z.string()),
  /** Fields that came from the partner's pre-fill, not from the applicant: never shown in full. */
  prefilled: z.array(z.string()).default([]),
});

export type Pending = z.infer<typeof pendingSchema>;

export function sealPending(cipher: DataCipher, method: string, input: MethodInput, prefilled: readonly string[] = []): Promise<string> {
  return cipher.encrypt(JSON.stringify({ method, input, prefilled }));
}

export async function openPending(cipher: DataCipher, row: Pick<VerificationRow, "pendingEnc">): Promise<Pending | null> {
  if (!row.pendingEnc) return null;
  const parsed = pendingSchema.safeParse(JSON.parse(await cipher.decrypt(row.pendingEnc)));
  return parsed.success ? parsed.data : null;
}

/** The sealed input of this method, if the row holds one. */
export async function pendingOf(cipher: DataCipher, row: Pick<VerificationRow, "pendingEnc">, method: string): Promise<Pending | null> {
  const pending = await openPending(cipher, row);
  return pending?.method === method ? pending : null;
}

/** What a verified verification keeps of the identity: masked forms and keyed hashes, never plaintext. */
export async function verifiedIdentity(cipher: DataCipher, input: MethodInput, phoneField = "phone") {
  const name = input.name ?? "";
  const idNumber = input.id_number ?? "";
  const phone = input[phoneField];
  return {
    personNameMasked: maskName(name),
    personIdNumberMasked: maskIdNumber(idNumber),
    personIdNumberHash: await cipher.hash("id_number", idNumber),
    ...(phone ? { personPhoneMasked: maskPhone(phone), personPhoneHash: await cipher.hash("phone", phone) } : {}),
  };
}

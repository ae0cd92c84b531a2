// The verification as the applicant's pages read it (with the partner's name), and the
// applicant's signed-in session for it. Types only: the cookie itself is src/journey's.
import type { DataCipher } from "../crypto/data-key";
import type { VerificationRow } from "../db/verifications";

export type ApplicantRow = VerificationRow & { partnerName: string };

export interface ApplicantSession {
  verificationId: string;
  applicantId: string;
  /** When this browser proved the account's phone with the sign-in code (ms). */
  signedInAt: number;
  /**
   * The phone it proved, which the method form offers pre-filled (masked) for the method's own
   * phone. Held in the session cookie only, sealed: D1 keeps the account's phone as a keyed hash.
   */
  phone?: string;
}

/** A phone's account id: `app_` and 24 hex digits of a keyed hash of the phone, the same on every sign-in. */
export async function applicantIdFor(cipher: DataCipher, phone: string): Promise<string> {
  return `app_${(await cipher.hash("applicant_id", phone)).slice(0, 24)}`;
}

export function localeOf(row: Pick<VerificationRow, "locale">): "zh-CN" | "en" {
  return row.locale === "en" ? "en" : "zh-CN";
}

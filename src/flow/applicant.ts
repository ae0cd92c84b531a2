// The verification as the applicant's pages read it (with the partner's name), and the
// applicant's signed-in session for it. Types only: the cookie itself is src/journey's.
import type { VerificationRow } from "../db/verifications";

export type ApplicantRow = VerificationRow & { partnerName: string };

export interface ApplicantSession {
  verificationId: string;
  applicantId: string;
}

export function localeOf(row: Pick<VerificationRow, "locale">): "zh-CN" | "en" {
  return row.locale === "en" ? "en" : "zh-CN";
}

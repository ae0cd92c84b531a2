// Verification statuses: the same snake_case strings in D1, the API, the views and the docs.
// requires_review: open, waiting for a person's decision (a business licence in the staff queue).
export const VERIFICATION_STATUSES = ["pending", "in_progress", "requires_review", "verified", "failed", "canceled", "expired"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const OPEN_STATUSES: readonly VerificationStatus[] = ["pending", "in_progress", "requires_review"];
export const TERMINAL_STATUSES: readonly VerificationStatus[] = ["verified", "failed", "canceled", "expired"];

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** What a reader should see now: an open verification past its expiry is expired even before the sweep writes it. */
export function effectiveStatus(v: { status: string; expiresAt: number }, now: number): VerificationStatus {
  if (isOpen(v.status) && now >= v.expiresAt) return "expired";
  return v.status as VerificationStatus;
}

export type VerificationType = "person" | "organization";
export type Actor = "partner" | "applicant" | "staff" | "system";

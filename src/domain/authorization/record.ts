// The legal representative's authorization (法人授权认证) as the verification keeps it: the facts of
// its invitation and, once signed, of its letter. Its status is derived, never stored: from these
// facts and the flow's state (who is verifying, who signs), so it cannot drift from the flow. Pure.
import { currentMethodStep, type FlowState } from "../flow/state";

export const AUTHORIZATION_METHOD = "legal_rep_authorization";
/** The method's steps: the invitation (its link, the legal representative's own verification), then the signature. */
export const INVITATION_STEP = "invitation";
export const SIGNATURE_STEP = "signature";

/** An invitation lives 7 days: the organization's verification lives at least as long. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000;

export const AUTHORIZATION_STATUSES = ["not_sent", "sent", "opened", "verifying", "signing", "signed", "declined", "expired"] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** The invitation and its letter, as facts with the times they happened. */
export interface AuthorizationRecord {
  /** The invitation's Durable Object; a new invitation (asked again) is a new record. */
  invitationId: string;
  expiresAt: number;
  /** The link went out by SMS, to this number (masked). */
  sentAt?: number;
  sentTo?: string;
  openedAt?: number;
  /** The legal representative's own person verification (the child), once they started it. */
  legalRepVerificationId?: string;
  /** Wrong ID numbers the legal representative typed (the 4-element check); the third declines. */
  idNumberTries?: number;
  declinedAt?: number;
  /** The legal representative's own words, if any (at most DECLINE_REASON_MAX characters). */
  declineReason?: string;
  signedAt?: number;
  /** SHA-256 of the PDF served (hex), and where it is kept in R2. */
  letterSha256?: string;
  letterKey?: string;
}

export const DECLINE_REASON_MAX = 200;

/** The decline the invitation records when the legal representative's ID number missed three times (never their words). */
export const ID_MISMATCH = "legal_rep_id_mismatch";

/**
 * Where the authorization stands. Signed and declined are facts of the record; the flow says who
 * is at work (the legal representative's own verification, then the signature); an invitation the
 * verification left (another method chosen, the verification ended) or outlived reads as expired.
 */
export function authorizationStatus(state: FlowState, record: AuthorizationRecord | null | undefined, now: number): AuthorizationStatus | null {
  if (!record) return null;
  if (record.signedAt) return "signed";
  if (record.declinedAt) return "declined";
  const at = currentMethodStep(state);
  if (now >= record.expiresAt || at?.method !== AUTHORIZATION_METHOD) return "expired";
  if (at.step === SIGNATURE_STEP) return "signing";
  // The legal representative's own verification ended without passing: they cannot sign.
  if (at.data?.child_outcome) return "declined";
  if (at.data?.child_id) return "verifying";
  if (record.openedAt) return "opened";
  return record.sentAt ? "sent" : "not_sent";
}

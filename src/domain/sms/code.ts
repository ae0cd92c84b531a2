// One-time SMS codes: what is stored (a keyed hash, never the code), and the rules for checking
// one: tied to one verification and purpose, 5 minutes, 5 wrong tries, consumed once.
export const CODE_LENGTH = 6;
export const CODE_TTL_MS = 5 * 60_000;
export const MAX_WRONG_TRIES = 5;

/** What a code unlocks: `app_authorization`, or the name of the method whose code step sent it. */
export type CodePurpose = string;

export interface StoredCode {
  codeHash: string;
  verificationId: string;
  purpose: CodePurpose;
  issuedAt: number;
  expiresAt: number;
  wrongTries: number;
}

export type CheckOutcome = { ok: true } | { ok: false; reason: "no_code" | "expired" | "wrong_code" | "too_many_tries"; triesLeft: number };

/**
 * Decides a check. `matches` is the constant-time comparison of the hashes, done by the caller.
 * Returns what to do with the stored code: keep it (with a new try count) or drop it.
 */
export function decideCheck(
  stored: StoredCode | undefined,
  request: { verificationId: string; purpose: CodePurpose; matches: boolean },
  now: number,
): { outcome: CheckOutcome; next: StoredCode | undefined } {
  // A code sent for another verification or purpose is simply not there for this one.
  if (!stored || stored.verificationId !== request.verificationId || stored.purpose !== request.purpose) {
    return { outcome: { ok: false, reason: "no_code", triesLeft: 0 }, next: stored };
  }
  if (now >= stored.expiresAt) return { outcome: { ok: false, reason: "expired", triesLeft: 0 }, next: undefined };
  if (request.matches) return { outcome: { ok: true }, next: undefined };
  const wrongTries = stored.wrongTries + 1;
  if (wrongTries >= MAX_WRONG_TRIES) return { outcome: { ok: false, reason: "too_many_tries", triesLeft: 0 }, next: undefined };
  return { outcome: { ok: false, reason: "wrong_code", triesLeft: MAX_WRONG_TRIES - wrongTries }, next: { ...stored, wrongTries } };
}

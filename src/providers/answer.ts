// The one result type every provider returns. Expected outcomes (a mismatch, an unreadable photo,
// a vendor that is down) are values, never exceptions, so a caller cannot forget to handle one.
// This module must never decide what an answer means for a verification: the state machine does.

/**
 * `serial` is the vendor's request id (Tencent Cloud's `RequestId`) or the sandbox's deterministic
 * serial, kept with the verification so a disputed result can be traced at the vendor.
 */
export type ProviderAnswer<Reason extends string, Extra = {}> =
  | ({ outcome: "match"; provider: string; serial: string } & Extra)
  | { outcome: "no_match"; reason: Reason; provider: string; serial: string }
  | UnavailableAnswer;

/**
 * Timeout, HTTP 5xx, throttling, a misconfigured account: the applicant is told to try later,
 * and it does not count as a failed attempt. `detail` is a short machine code for the log; it
 * must never carry personal data or a secret.
 */
export type UnavailableAnswer = { outcome: "unavailable"; provider: string; detail: string };

export function unavailable(provider: string, detail: string): UnavailableAnswer {
  return { outcome: "unavailable", provider, detail };
}

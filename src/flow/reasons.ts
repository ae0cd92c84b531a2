// The catalogue of rejection reasons: for each code a check can answer, whether it uses one of
// the verification's tries, the sentence that explains it, and what the applicant can do next.
// Methods declare theirs with `satisfies ReasonCatalogue<TheirProviderReasons>`, so a reason a
// provider can answer but no entry covers is a type error, never a wrong sentence on screen.

export type NextAction =
  /** Correct what was typed and check again. */
  | "retry"
  /** This method cannot work for this person (another phone, another card): choose another. */
  | "change_method"
  /** Nothing was wrong with the input: try again later. */
  | "try_later"
  /** The verification is over. */
  | "end";

export interface ReasonEntry {
  countsAsAttempt: boolean;
  /** The key of its sentence in the messages tables. */
  messageKey: `reason.${string}`;
  next: NextAction;
}

export type ReasonCatalogue<Reason extends string> = { readonly [R in Reason]: ReasonEntry };

const counted = (code: string, next: NextAction = "retry"): ReasonEntry => ({ countsAsAttempt: true, messageKey: `reason.${code}`, next });

/** Reasons every method shares: provider faults, SMS codes, the tries running out. */
export const SHARED_REASONS = {
  provider_unavailable: { countsAsAttempt: false, messageKey: "reason.provider_unavailable", next: "try_later" },
  name_id_mismatch: counted("name_id_mismatch"),
  code_tries_exhausted: counted("code_tries_exhausted"),
  attempts_exhausted: { countsAsAttempt: true, messageKey: "reason.attempts_exhausted", next: "end" },
} as const satisfies ReasonCatalogue<string>;

export { counted as countedReason };

// Turns an error code for a field into the sentence shown next to it.
import { fieldMessage, isMessageKey, type Locale, t } from "../messages";

/** `params` fill the sentence's own placeholders ({tries}, {seconds}); the field's label is always filled. */
export function errorText(locale: Locale, field: string, code: string, params: Record<string, string> = {}): string {
  return fieldMessage(locale, field, code, params);
}

/**
 * A check's answer in words. Every reason a method can answer has its entry (its catalogue says
 * so by type); a code without words here says plainly that the check did not pass, never that a
 * fault happened (that sentence would tell the applicant the try was not counted).
 */
export function reasonText(locale: Locale, reason: string): string {
  const key = `reason.${reason}`;
  return isMessageKey(key) ? t(locale, key) : t(locale, "reason.not_matched");
}

// Turns an error code for a field into the sentence shown next to it.
import { fieldMessage, isMessageKey, type Locale, t } from "../messages";

export function errorText(locale: Locale, field: string, code: string, params: Record<string, string> = {}): string {
  const key = `error.${code}`;
  if (isMessageKey(key) && Object.keys(params).length > 0) return t(locale, key, params);
  return fieldMessage(locale, field, code);
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

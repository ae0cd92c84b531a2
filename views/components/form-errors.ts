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
export function reasonText(locale: Locale, reason: string, channel?: PhoneChannelName): string {
  // A phone channel may say it in its own words: Alipay's face check is not our camera, and a
  // phone page has no fields whose content could be "kept".
  const keys = channel ? [`reason.${channel}.${reason}`, `reason.on_phone.${reason}`, `reason.${reason}`] : [`reason.${reason}`];
  const key = keys.find(isMessageKey);
  return key ? t(locale, key) : t(locale, "reason.not_matched");
}

/** Where a try is made on the phone: the browser's camera, the Alipay app, or ID photos. */
export type PhoneChannelName = "face" | "alipay_face" | "id_capture";

/**
 * Why the last try did not go through, in one sentence of its own: a failed check says so (and
 * the template asks for another try); a fault never calls the try failed, it only says what happened.
 */
export function retryText(locale: Locale, reason: string, channel: PhoneChannelName, template: "handoff.retry_notice" | "phone.capture.retry"): string {
  const words = reasonText(locale, reason, channel);
  return reason === "provider_unavailable" ? words : t(locale, template, { reason: words });
}

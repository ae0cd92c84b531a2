// The method form's consent (e签宝's 我已阅读并同意相关协议): the legal texts linked, and who the
// form's details go to, named by the method. The sentence shown is the sentence hashed into the
// consent record (src/flow/consent.ts), from the same parts: never reworded in one place only.
import { isMessageKey, type Locale, t } from "../messages";
import { ConsentCheck } from "./consent-check";
import { LegalLink, quotedTitle } from "./legal-links";

/** Who checks this method's details (`method.<name>.consent_recipients`, or the privacy notice's list). */
function recipients(locale: Locale, method: string): string {
  const key = `method.${method}.consent_recipients`;
  return t(locale, isMessageKey(key) ? key : "form.consent.recipients");
}

/** Chinese runs its words and 《titles》 together; English needs the spaces. */
const gapOf = (locale: Locale) => t(locale, "sentence.gap");

/** The sentence as plain text, for the consent's hash: the same words the label renders. */
export function methodConsentText(locale: Locale, method: string): string {
  const gap = gapOf(locale);
  return (
    [t(locale, "form.consent.before"), quotedTitle(locale, "service"), t(locale, "form.consent.and"), quotedTitle(locale, "privacy")].join(gap) +
    t(locale, "form.consent.after", { recipients: recipients(locale, method) })
  );
}

export interface MethodConsentProps {
  locale: Locale;
  method: string;
  checked: boolean;
  error?: string | undefined;
  autofocus?: boolean;
}

export function MethodConsent({ locale, method, checked, error, autofocus }: MethodConsentProps) {
  const gap = gapOf(locale);
  return (
    <ConsentCheck checked={checked} error={error} autofocus={autofocus}>
      {t(locale, "form.consent.before")}
      {gap}
      <LegalLink locale={locale} doc="service" />
      {gap}
      {t(locale, "form.consent.and")}
      {gap}
      <LegalLink locale={locale} doc="privacy" />
      {t(locale, "form.consent.after", { recipients: recipients(locale, method) })}
    </ConsentCheck>
  );
}

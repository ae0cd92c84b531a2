// A phone whose camera cannot read the desktop's screen types the code shown under the QR code
// instead, at {host}/p. Nothing else identifies the verification, so the page asks for the code only.
import { Field } from "../components/field";
import { type Locale, t } from "../messages";
import { PhonePage } from "./phone-page";

export function CodeEntryForm({ locale, value, error, lead }: { locale: Locale; value?: string | undefined; error?: string | undefined; lead?: string }) {
  return (
    <form method="post" action="/p/enter" data-code-entry>
      {lead && <p>{lead}</p>}
      <Field name="code" label={t(locale, "phone.code.label")} value={value} error={error} autocomplete="one-time-code" maxlength={29} required autofocus={!!error} />
      <button type="submit" class="wide">
        {t(locale, "phone.code.submit")}
      </button>
    </form>
  );
}

export function CodeEntryPage({ locale, value, error }: { locale: Locale; value?: string; error?: string }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.code.heading")} phone="code_entry">
      <p>{t(locale, "phone.code.intro")}</p>
      <CodeEntryForm locale={locale} value={value} error={error} />
    </PhonePage>
  );
}

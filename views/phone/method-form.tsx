// A method's form on the phone, before its camera step (legal_rep_quick: the legal representative
// confirms who they are where they will show their face). What is fixed shows masked, what is
// missing is typed; the method's consent; a plain form, no script.
import { Field, type Prefilled } from "../components/field";
import { errorText, reasonText } from "../components/form-errors";
import { MethodConsent } from "../components/method-consent";
import { isMessageKey, type Locale, t } from "../messages";
import { type PhoneAbout, PhonePage } from "./phone-page";

export interface PhoneFormProps {
  locale: Locale;
  method: string;
  fields: string[];
  values: Partial<Record<string, string>>;
  /** The fixed values, masked (the legal representative as the registry found them). */
  fixed: Partial<Record<string, string>>;
  errors: Partial<Record<string, string>>;
  consent: boolean;
  reason?: string | undefined;
  reasonCounted?: boolean;
  attemptsLeft: number;
  about?: PhoneAbout | undefined;
  /** The channel's path the form posts to. */
  action?: string;
}

function label(locale: Locale, field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? t(locale, key) : field;
}

export function PhoneFormPage(p: PhoneFormProps) {
  const { locale } = p;
  const firstError = [...p.fields, "consent"].find((f) => p.errors[f]);
  const firstOpen = p.fields.find((f) => !p.fixed[f]);
  const locked = (field: string): Prefilled | undefined => {
    const masked = p.fixed[field];
    return masked ? { masked, caption: t(locale, "form.prefilled.locked"), change: "", keep: "", open: false, locked: true } : undefined;
  };
  return (
    <PhonePage locale={locale} title={t(locale, "phone.form.heading")} phone="method_form" about={p.about}>
      <p>{t(locale, "phone.form.intro")}</p>
      {p.reason && (
        <div class="alert" role="alert" data-reason={p.reason}>
          <p>{reasonText(locale, p.reason)}</p>
          {p.reasonCounted && <p>{t(locale, "form.attempts_left", { n: String(p.attemptsLeft) })}</p>}
        </div>
      )}
      <form method="post" action={p.action ?? "/p/form"} novalidate>
        {p.fields.map((field) => (
          <Field
            name={field}
            label={label(locale, field)}
            prefilled={locked(field)}
            value={p.values[field]}
            error={p.errors[field] ? errorText(locale, field, p.errors[field]!) : undefined}
            autofocus={firstError === field || (!firstError && !p.reason && field === firstOpen)}
            maxlength={field === "id_number" ? 18 : 64}
          />
        ))}
        <MethodConsent
          locale={locale}
          method={p.method}
          checked={p.consent}
          error={p.errors.consent ? errorText(locale, "consent", p.errors.consent) : undefined}
          autofocus={firstError === "consent" || (!firstError && !p.reason && !firstOpen)}
        />
        <button type="submit" class="wide">
          {t(locale, "form.submit")}
        </button>
      </form>
    </PhonePage>
  );
}

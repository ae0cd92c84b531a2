// Step 1, app authorization (应用授权): phone, SMS code, consent, "sign in and authorize".
import { Field } from "../components/field";
import { LegalLink } from "../components/legal-links";
import { errorText } from "../components/form-errors";
import { ResendButton } from "../components/resend-button";
import { StepForm } from "../components/step-form";
import { t } from "../messages";
import type { StepView } from "./model";
import { ConsentCheck } from "../components/consent-check";

type Props = Extract<StepView, { kind: "authorize" }>;

/**
 * Sends refused by a limit (src/domain/sms/send-limits.ts): said above the form, never as the phone
 * field's error, since the number is fine; the 获取验证码 button counts the wait down.
 */
const SEND_LIMITS = new Set(["cooldown", "cooldown_elsewhere", "hourly_limit", "daily_limit", "ip_hourly_limit", "ip_daily_limit"]);

export function AuthorizeStep(p: Props) {
  const { locale } = p;
  // A reload in the wait for another verification's code says why the button waits, as the refused send did.
  const limit = p.errors.phone && SEND_LIMITS.has(p.errors.phone) ? p.errors.phone : p.sentElsewhere && !p.errors.code ? "cooldown_elsewhere" : undefined;
  const errors = limit ? { ...p.errors, phone: undefined } : p.errors;
  const params = { tries: String(p.triesLeft ?? 0), seconds: String(p.retryAfterSeconds ?? 60) };
  const err = (field: "phone" | "code" | "consent") => {
    const code = errors[field];
    return code ? errorText(locale, field, code, params) : undefined;
  };
  const first = (["phone", "code", "consent"] as const).find((f) => errors[f]);
  return (
    <>
      <p class="hint">{t(locale, p.type === "person" ? "verification.person" : "verification.organization")}</p>
      <h1 id="step-title">{t(locale, "authorize.heading")}</h1>
      <p>{t(locale, "authorize.intro", { partner: p.partnerName })}</p>
      {p.codeSentTo && (
        <p class="notice" role="status">
          {t(locale, "authorize.code_sent", { phone: p.codeSentTo })}
        </p>
      )}
      {limit && (
        <p class="alert" role="alert" data-send-limit={limit}>
          {errorText(locale, "phone", limit, params)}
        </p>
      )}
      <StepForm action={`/v/${p.verificationId}/authorize`} defaultAction={{ name: "action", value: "authorize", label: t(locale, "authorize.submit") }}>
        <Field
          name="phone"
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          label={t(locale, "authorize.phone.label")}
          hint={t(locale, "authorize.phone.hint")}
          value={p.phone}
          error={err("phone")}
          maxlength={16}
          autofocus={first === "phone" || (!first && !p.codeSentTo)}
          after={<ResendButton locale={locale} seconds={p.retryAfterSeconds ?? 0} name="action" value="send_code" label={t(locale, "authorize.send_code")} />}
        />
        <Field
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          label={t(locale, "authorize.code.label")}
          hint={t(locale, "authorize.code.hint")}
          error={err("code")}
          maxlength={6}
          required={false}
          autofocus={first === "code" || (!first && !!p.codeSentTo)}
        />
        <ConsentCheck checked={!!p.consent} error={err("consent")} autofocus={first === "consent"}>
          {t(locale, "authorize.consent.before")} <LegalLink locale={locale} doc="service" /> {t(locale, "authorize.consent.and")} <LegalLink locale={locale} doc="privacy" />
        </ConsentCheck>
        <button type="submit" name="action" value="authorize">
          {t(locale, "authorize.submit")}
        </button>
      </StepForm>
    </>
  );
}

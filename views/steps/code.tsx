// The SMS code step of mobile3 and bankcard4: the code went to the phone just checked.
import { Field } from "../components/field";
import { errorText } from "../components/form-errors";
import { ResendButton } from "../components/resend-button";
import { StepForm } from "../components/step-form";
import { t } from "../messages";
import type { StepView } from "./model";

type Props = Extract<StepView, { kind: "code" }>;

export function CodeStep(p: Props) {
  const { locale } = p;
  const error = p.error ? errorText(locale, "code", p.error, { tries: String(p.triesLeft ?? 0), seconds: String(p.retryAfterSeconds ?? 60) }) : undefined;
  return (
    <>
      <h1 id="step-title">{t(locale, "code.heading")}</h1>
      {/* Never "sent" for a send that was refused, nor for a code that can no longer be entered. */}
      <p class={p.codeLive === false ? "alert" : "notice"} role="status" data-code-live={p.codeLive === false ? "no" : "yes"}>
        {p.codeLive === false ? t(locale, "code.not_live") : t(locale, "code.sent_at", { phone: p.maskedPhone })}
      </p>
      <StepForm action={`/v/${p.verificationId}/methods/${p.method}/code`}>
        <Field name="code" inputmode="numeric" autocomplete="one-time-code" label={t(locale, "authorize.code.label")} hint={t(locale, "authorize.code.hint")} error={error} maxlength={6} autofocus />
        <div class="row">
          <button type="submit" name="action" value="confirm">
            {t(locale, "code.submit")}
          </button>
          <ResendButton locale={locale} seconds={p.resendInSeconds ?? 0} name="action" value="resend" label={t(locale, "code.resend")} />
        </div>
      </StepForm>
      <p>
        <a href={`/v/${p.verificationId}?edit=1`}>{t(locale, "code.edit")}</a>
      </p>
    </>
  );
}

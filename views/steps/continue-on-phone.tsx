// The face method after its 2-element check: the camera steps continue on a phone.
import { t } from "../messages";
import type { StepView } from "./model";

type Props = Extract<StepView, { kind: "continue_on_phone" }>;

export function ContinueOnPhoneStep(p: Props) {
  const { locale } = p;
  return (
    <>
      <h1 id="step-title">{t(locale, "phone.heading")}</h1>
      <p class="success">{t(locale, "phone.body")}</p>
      <p data-state="awaiting_phone">{t(locale, "phone.pending")}</p>
      {p.canChangeMethod && (
        <p>
          <a href={`/v/${p.verificationId}?choose=1`}>{t(locale, "form.change_method")}</a>
        </p>
      )}
    </>
  );
}

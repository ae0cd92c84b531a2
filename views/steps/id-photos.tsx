// The ID card photos step (上传身份证件) after the SMS code: upload both sides here, or take them
// with the phone through the QR code; whichever arrives first is checked. Each field shows a sample
// of its side, then a preview of the chosen photo, which the script resizes before it is sent.
import { raw } from "hono/html";
import { errorText, reasonText } from "../components/form-errors";
import { ImageField } from "../components/image-field";
import { StepForm } from "../components/step-form";
import { t } from "../messages";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";
import { PhoneHandoff } from "./continue-on-phone";
import type { StepView } from "./model";

type Props = Extract<StepView, { kind: "id_photos" }>;

// The script itself: views/scripts/id-photos.js, minified into the page at build.
const PHOTOS_SCRIPT = INLINE_SCRIPTS["id-photos"];

export function IdPhotosStep(p: Props) {
  const { locale } = p;
  const first = (["id_front", "id_back"] as const).find((f) => p.errors[f]);
  return (
    <>
      <h1 id="step-title">{t(locale, "photos.heading")}</h1>
      {p.reason && (
        <div class="alert" role="alert" data-reason={p.reason}>
          <p>{reasonText(locale, p.reason)}</p>
          {p.reasonCounted && <p>{t(locale, "form.attempts_left", { n: String(p.attemptsLeft) })}</p>}
        </div>
      )}
      <p>{t(locale, "photos.intro")}</p>
      <StepForm action={`/v/${p.verificationId}/id-photos`} multipart>
        {(["id_front", "id_back"] as const).map((field) => (
          <ImageField locale={locale} field={field} sample error={p.errors[field] ? errorText(locale, field, p.errors[field]!) : undefined} autofocus={first === field} />
        ))}
        <button type="submit">{t(locale, "photos.submit")}</button>
      </StepForm>
      <script>{raw(PHOTOS_SCRIPT)}</script>
      <h2>{t(locale, "photos.or_phone")}</h2>
      <PhoneHandoff locale={locale} verificationId={p.verificationId} handoff={p.handoff} />
      {/* A date typed wrong on the form shows here: going back to fix it must not need a new verification. */}
      <p>
        <a href={`/v/${p.verificationId}?edit=1`}>{t(locale, "code.edit")}</a>
      </p>
    </>
  );
}

// The phone's business licence (营业执照): which organization it is for, the camera (the file
// input's `capture`; a photo or PDF already on the phone may be chosen too), and the error next
// to the field. No script: a plain multipart post, the page answered again with the error or
// moved on to the sent page.
import { errorText } from "../components/form-errors";
import { type Locale, t } from "../messages";
import { type PhoneAbout, PhonePage } from "./phone-page";

const ID = "f-business_licence";

export function LicenceCapturePage({ locale, org, about, error }: { locale: Locale; org: string; about: PhoneAbout; error?: string | undefined }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.licence.heading")} phone="licence_capture" about={about}>
      <p data-org>{t(locale, "phone.licence.for", { org })}</p>
      <form method="post" action="/p/licence" enctype="multipart/form-data">
        <div class="field">
          <label for={ID}>{t(locale, "field.business_licence")}</label>
          <span class="hint" id={`${ID}-hint`}>
            {t(locale, "phone.licence.hint")}
          </span>
          <input
            type="file"
            id={ID}
            name="business_licence"
            accept="image/*"
            capture="environment"
            autofocus={error ? true : undefined}
            aria-invalid={error ? "true" : undefined}
            aria-describedby={`${ID}-hint${error ? ` ${ID}-error` : ""}`}
          />
          {error && (
            <p class="error" id={`${ID}-error`}>
              {errorText(locale, "business_licence", error)}
            </p>
          )}
        </div>
        <button type="submit" class="wide">
          {t(locale, "phone.licence.submit")}
        </button>
      </form>
    </PhonePage>
  );
}

/** Sent: the rest (the review, its outcome) is followed on the computer. */
export function LicenceSentPage({ locale }: { locale: Locale }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.licence.heading")} phone="licence_sent">
      <p class="success" role="status">
        {t(locale, "phone.licence.sent")}
      </p>
    </PhonePage>
  );
}

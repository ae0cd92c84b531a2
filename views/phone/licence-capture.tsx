// The phone's business licence (营业执照): which organization it is for, the camera (the file
// input's `capture`; a photo or PDF already on the phone may be chosen too), and the error next
// to the field. No script: a plain multipart post, the page answered again with the error or
// moved on to the sent page.
import { DocumentField } from "../components/document-field";
import { type Locale, t } from "../messages";
import { type PhoneAbout, PhonePage } from "./phone-page";

export function LicenceCapturePage({ locale, org, about, error }: { locale: Locale; org: string; about: PhoneAbout; error?: string | undefined }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.licence.heading")} phone="licence_capture" about={about}>
      <p data-org>{t(locale, "phone.licence.for", { org })}</p>
      <form method="post" action="/p/licence" enctype="multipart/form-data">
        <DocumentField locale={locale} name="business_licence" hint="phone.licence.hint" accept="image/*" capture error={error} autofocus={!!error} />
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

// A document taken with the phone for a person's review: the business licence (营业执照) or a
// corporate transfer's stamped letter (盖章授权书). Which organization it is for, the camera (the
// file input's `capture`; a photo or PDF already on the phone may be chosen too), and the error
// next to the field. No script: a plain multipart post, the page answered again with the error or
// moved on to the sent page.
import { DocumentField } from "../components/document-field";
import { type Locale, messageKey as k, t } from "../messages";
import { type PhoneAbout, PhonePage } from "./phone-page";

/** Each document's words are `phone.{doc}.*`; its field and the phone route's action are its own. */
const DOCUMENTS = {
  licence: { field: "business_licence", action: "/p/licence" },
  letter: { field: "authorization_letter", action: "/p/letter" },
} as const;

export type PhoneDocument = keyof typeof DOCUMENTS;

export function DocumentCapturePage({ locale, doc, org, about, error }: { locale: Locale; doc: PhoneDocument; org: string; about: PhoneAbout; error?: string | undefined }) {
  const { field, action } = DOCUMENTS[doc];
  return (
    <PhonePage locale={locale} title={t(locale, k(`phone.${doc}.heading`))} phone={`${doc}_capture`} about={about}>
      <p data-org>{t(locale, k(`phone.${doc}.for`), { org })}</p>
      <form method="post" action={action} enctype="multipart/form-data">
        <DocumentField locale={locale} name={field} hint={k(`phone.${doc}.hint`)} accept="image/*" capture error={error} autofocus={!!error} />
        <button type="submit" class="wide">
          {t(locale, k(`phone.${doc}.submit`))}
        </button>
      </form>
    </PhonePage>
  );
}

/** Sent: the rest (the review, its outcome) is followed on the computer. */
export function DocumentSentPage({ locale, doc }: { locale: Locale; doc: PhoneDocument }) {
  return (
    <PhonePage locale={locale} title={t(locale, k(`phone.${doc}.heading`))} phone={`${doc}_sent`}>
      <p class="success" role="status">
        {t(locale, k(`phone.${doc}.sent`))}
      </p>
    </PhonePage>
  );
}

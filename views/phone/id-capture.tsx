// The phone's ID card capture: each side inside a card-shaped framing guide, taken with the camera
// (the file input's `capture`), resized on the phone to at most 1600 px and about 300 KB before
// upload. Without script the same form posts the original photos.
import { raw } from "hono/html";
import { errorText } from "../components/form-errors";
import { ImageField } from "../components/image-field";
import { type Locale, t } from "../messages";
import { type PhoneAbout, PhonePage } from "./phone-page";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";

// The script itself: views/scripts/id-capture.js, minified into the page at build.
const RESIZE_SCRIPT = INLINE_SCRIPTS["id-capture"];

export function IdCapturePage({
  locale,
  errors = {},
  lastFailure,
  attemptsLeft,
  about,
}: {
  locale: Locale;
  errors?: Partial<Record<"id_front" | "id_back", string>>;
  lastFailure?: string | null;
  attemptsLeft?: number;
  about?: PhoneAbout;
}) {
  const side = (field: "id_front" | "id_back", hint: "phone.photos.front_guide" | "phone.photos.back_guide") => (
    <ImageField locale={locale} field={field} hint={hint} guide error={errors[field] ? errorText(locale, field, errors[field]!) : undefined} />
  );
  return (
    <PhonePage locale={locale} title={t(locale, "phone.photos.heading")} phone="id_capture" channel="id_capture" lastFailure={lastFailure} attemptsLeft={attemptsLeft} about={about}>
      <form id="id-capture" method="post" action="/p/id-photos" enctype="multipart/form-data" data-busy={t(locale, "phone.photos.resizing")} data-neterror={t(locale, "phone.upload_failed")}>
        {side("id_front", "phone.photos.front_guide")}
        {side("id_back", "phone.photos.back_guide")}
        <p id="id-status" role="status" aria-live="polite"></p>
        <button type="submit" class="wide">
          {t(locale, "phone.photos.submit")}
        </button>
      </form>
      <script>{raw(RESIZE_SCRIPT)}</script>
    </PhonePage>
  );
}

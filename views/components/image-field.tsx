// A photo of one side of the ID card: a file input that opens the camera on phones, its hint and
// error tied to it. The phone page adds a card-shaped framing guide above the input; the desktop
// (`sample`) a sample picture of the side beside it, which its script (views/scripts/id-photos.js)
// replaces with a preview of the chosen file, its name and a button to choose another.
import { type Locale, type MessageKey, t } from "../messages";
import { IdCardSample } from "./id-card-sample";

export interface ImageFieldProps {
  locale: Locale;
  field: "id_front" | "id_back";
  error?: string | undefined;
  autofocus?: boolean;
  hint?: MessageKey;
  guide?: boolean;
  sample?: boolean;
}

export function ImageField({ locale, field, error, autofocus = false, hint = "form.image.hint", guide = false, sample = false }: ImageFieldProps) {
  const id = `f-${field}`;
  const input = (
    <input
      type="file"
      id={id}
      name={field}
      accept="image/jpeg,image/png"
      capture={sample ? undefined : "environment"}
      required
      autofocus={autofocus}
      aria-invalid={error ? "true" : undefined}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
    />
  );
  return (
    <div class="field">
      <label for={id}>{t(locale, `field.${field}`)}</label>
      {guide && (
        <div class={`card-guide ${field}`} aria-hidden="true">
          <span></span>
        </div>
      )}
      {/* With the script the photo is resized before upload, so the hint no longer names the server's limit. */}
      <span class="hint" id={`${id}-hint`} data-resized={sample ? t(locale, "photos.hint_resized") : undefined}>
        {t(locale, hint)}
      </span>
      {sample ? (
        <div class="photo" data-photo={field}>
          <figure data-sample>
            <IdCardSample side={field} />
            <figcaption>{t(locale, `photos.sample.${field}`)}</figcaption>
          </figure>
          <figure data-chosen hidden>
            <img alt={t(locale, "photos.preview_alt", { field: t(locale, `field.${field}`) })} />
            <figcaption></figcaption>
          </figure>
          <div>
            {input}
            <button type="button" class="secondary" data-again hidden>
              {t(locale, "photos.choose_again")}
              <span class="visually-hidden"> {t(locale, `field.${field}`)}</span>
            </button>
          </div>
        </div>
      ) : (
        input
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

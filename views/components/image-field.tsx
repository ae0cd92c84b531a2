// A photo of one side of the ID card: a file input that opens the camera on phones, its hint and
// error tied to it. The phone page adds a card-shaped framing guide above the input.
import { type Locale, type MessageKey, t } from "../messages";

export interface ImageFieldProps {
  locale: Locale;
  field: "id_front" | "id_back";
  error?: string | undefined;
  autofocus?: boolean;
  hint?: MessageKey;
  guide?: boolean;
}

export function ImageField({ locale, field, error, autofocus = false, hint = "form.image.hint", guide = false }: ImageFieldProps) {
  const id = `f-${field}`;
  return (
    <div class="field">
      <label for={id}>{t(locale, `field.${field}`)}</label>
      {guide && (
        <div class={`card-guide ${field}`} aria-hidden="true">
          <span></span>
        </div>
      )}
      <span class="hint" id={`${id}-hint`}>
        {t(locale, hint)}
      </span>
      <input
        type="file"
        id={id}
        name={field}
        accept="image/jpeg,image/png"
        capture="environment"
        required
        autofocus={autofocus}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

// A document to upload (a business licence, a stamped letter): its label, hint and error tied to
// the input (aria-describedby), focus on it when it came back with an error. The server checks
// the bytes whatever `accept` says; `capture` opens the phone's camera at once.
import { errorText } from "./form-errors";
import { type Locale, type MessageKey, t } from "../messages";

export const DOCUMENT_ACCEPT = "image/jpeg,image/png,application/pdf";

export interface DocumentFieldProps {
  locale: Locale;
  name: "business_licence" | "authorization_letter";
  hint: MessageKey;
  error?: string | undefined;
  autofocus?: boolean;
  accept?: string;
  capture?: boolean;
  required?: boolean;
}

export function DocumentField(p: DocumentFieldProps) {
  const id = `f-${p.name}`;
  return (
    <div class="field">
      <label for={id}>{t(p.locale, `field.${p.name}`)}</label>
      <span class="hint" id={`${id}-hint`}>
        {t(p.locale, p.hint)}
      </span>
      <input
        type="file"
        id={id}
        name={p.name}
        accept={p.accept ?? DOCUMENT_ACCEPT}
        capture={p.capture ? "environment" : undefined}
        required={p.required}
        autofocus={p.autofocus || undefined}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={`${id}-hint${p.error ? ` ${id}-error` : ""}`}
      />
      {p.error && (
        <p class="error" id={`${id}-error`}>
          {errorText(p.locale, p.name, p.error)}
        </p>
      )}
    </div>
  );
}

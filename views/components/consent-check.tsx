// The consent tick both forms carry (应用授权 and each method's form): a required checkbox whose
// label is the sentence, with its error tied to it for screen readers. The caller writes the sentence.
import type { Child } from "hono/jsx";

export function ConsentCheck({ checked, error, autofocus, children }: { checked: boolean; error?: string | undefined; autofocus?: boolean; children?: Child }) {
  return (
    <div class="field">
      <label class="check" for="f-consent">
        <input
          type="checkbox"
          id="f-consent"
          name="consent"
          value="yes"
          checked={checked ? true : undefined}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "f-consent-error" : undefined}
          autofocus={autofocus}
        />
        <span>{children}</span>
      </label>
      {error && (
        <p class="error" id="f-consent-error">
          {error}
        </p>
      )}
    </div>
  );
}

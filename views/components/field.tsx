// A labelled input with its hint and error tied to it (aria-describedby), so screen readers read
// the error with the field and nothing typed is lost when the form comes back.
import type { Child } from "hono/jsx";

export interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  type?: "text" | "tel" | "date";
  inputmode?: "numeric" | "tel" | "text";
  autocomplete?: string;
  maxlength?: number;
  required?: boolean;
  after?: Child;
  /** The first field with an error takes focus, on page load and after an htmx swap alike. */
  autofocus?: boolean;
}

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field" id={`${id}-wrap`}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <span class="hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      )}
      <div class="row">
        <div class="grow">
          <input
            id={id}
            name={p.name}
            type={p.type ?? "text"}
            value={p.value ?? ""}
            inputmode={p.inputmode}
            autocomplete={p.autocomplete ?? "off"}
            maxlength={p.maxlength}
            required={p.required ?? true}
            aria-invalid={p.error ? "true" : undefined}
            aria-describedby={described || undefined}
            autofocus={p.autofocus}
          />
        </div>
        {p.after}
      </div>
      {p.error && (
        <p class="error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
    </div>
  );
}

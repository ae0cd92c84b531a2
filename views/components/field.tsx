// A labelled input with its hint and error tied to it (aria-describedby), so screen readers read
// the error with the field and nothing typed is lost when the form comes back. A pre-filled field
// shows its masked value in the input's place, as read-only text styled like the input, and a
// native disclosure (<details>, no script needed) reveals an empty input to type another value.
import type { Child } from "hono/jsx";

/** A value offered already, masked: left closed, the input stays empty and the server uses that value. */
export interface Prefilled {
  masked: string;
  /** Where it comes from ("the number you signed in with"). */
  caption: string;
  /** The control's word ("Change"); the field's label follows it for screen readers. */
  change: string;
  /** Said under the revealed input: a blank keeps the pre-filled value. */
  keep: string;
  /** Shown open: a typed value or an error on it. */
  open: boolean;
  /** It cannot be changed here: shown, with where it comes from, and no input. */
  locked?: boolean;
}

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
  prefilled?: Prefilled | undefined;
}

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : "", p.prefilled ? `${id}-keep` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const input = (
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
          required={p.prefilled ? false : (p.required ?? true)}
          aria-invalid={p.error ? "true" : undefined}
          aria-describedby={described || undefined}
          autofocus={p.autofocus}
        />
      </div>
      {p.after}
    </div>
  );
  const error = p.error && (
    <p class="error" id={`${id}-error`}>
      {p.error}
    </p>
  );
  if (p.prefilled?.locked) {
    return (
      <div class="field" id={`${id}-wrap`} data-locked>
        <span class="label">{p.label}</span>
        <p class="prefill-locked" id={`${id}-keep`}>
          <span class="value">{p.prefilled.masked}</span> <span class="from">{p.prefilled.caption}</span>
        </p>
      </div>
    );
  }
  return (
    <div class="field" id={`${id}-wrap`}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <span class="hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      )}
      {p.prefilled ? (
        <details class="prefill" open={p.prefilled.open}>
          <summary>
            <span class="value">{p.prefilled.masked}</span>
            <span class="from">{p.prefilled.caption}</span>
            <span class="change">
              {p.prefilled.change}
              <span class="visually-hidden"> {p.label}</span>
            </span>
          </summary>
          <span class="hint" id={`${id}-keep`}>
            {p.prefilled.keep}
          </span>
          {input}
          {error}
        </details>
      ) : (
        <>
          {input}
          {error}
        </>
      )}
    </div>
  );
}

// Step 3, the chosen method's form, rendered from its list of fields. A failed check shows its
// specific reason above the form, with what is typed kept and the checks left. A pre-filled field
// shows its masked value with 修改 to type another; the consent sits above 同意并继续.
import { Field, type Prefilled } from "../components/field";
import { ImageField } from "../components/image-field";
import { DocumentField } from "../components/document-field";
import { errorText, reasonText } from "../components/form-errors";
import { MethodConsent } from "../components/method-consent";
import { StepForm } from "../components/step-form";
import { isMessageKey, type Locale, type MessageKey, t } from "../messages";
import { SUGGESTED_BANKS } from "../components/banks";
import { STEP_ID, type StepView } from "./model";

type Props = Extract<StepView, { kind: "method_form" }>;

type InputAttributes = { type?: "text" | "tel" | "date"; inputmode?: "numeric" | "tel"; autocomplete?: string; maxlength?: number };

// How each field a method may collect is typed in; a field not listed is plain text.
const INPUTS: Readonly<Record<string, InputAttributes>> = {
  name: { autocomplete: "name", maxlength: 64 },
  org_name: { autocomplete: "organization", maxlength: 128 },
  credential_code: { maxlength: 18 },
  legal_rep_name: { maxlength: 64 },
  legal_rep_id_number: { maxlength: 18 },
  id_number: { maxlength: 18 },
  phone: { type: "tel", inputmode: "tel", autocomplete: "tel", maxlength: 16 },
  card_number: { inputmode: "numeric", autocomplete: "cc-number", maxlength: 23 },
  // Typed as printed on the card (2016-08-20): a date picker would show the browser's own format.
  valid_from: { inputmode: "numeric", maxlength: 10 },
  valid_to: { maxlength: 10 },
  id_front: {},
  id_back: {},
};

function hintFor(locale: Locale, hints: Props["hints"], field: string): string | undefined {
  const key = hints?.[field];
  if (key && isMessageKey(key)) return t(locale, key);
  if (field === "id_front" || field === "id_back") return t(locale, "form.image.hint");
  if (field === "valid_from" || field === "valid_to") return t(locale, "form.date.hint");
  return undefined;
}

/** A pre-filled field's masked value in its place; open (the input shown) once something is typed in it or it has an error. */
function prefilledOf(p: Props, field: string): Prefilled | undefined {
  const offered = p.prefilled?.[field];
  if (!offered) return undefined;
  return {
    masked: offered.masked,
    caption: offered.locked
      ? t(p.locale, "form.prefilled.locked")
      : offered.from === "sign_in"
        ? t(p.locale, "form.prefilled.sign_in")
        : t(p.locale, "form.prefilled.partner", { partner: p.partnerName }),
    change: t(p.locale, "form.prefilled.change"),
    keep: t(p.locale, "form.prefilled.keep", { value: offered.masked }),
    open: !!p.values[field] || !!p.errors[field],
    ...(offered.locked ? { locked: true } : {}),
  };
}

export function MethodFormStep(p: Props) {
  const { locale } = p;
  const title = `method.${p.method}.title`;
  const firstError = [...p.fields, "consent"].find((f) => p.errors[f]);
  // With nothing wrong, focus goes to the first field to type in (a closed pre-filled one is
  // done), or to the consent when every field is.
  const firstOpen = p.fields.find((f) => !prefilledOf(p, f) || prefilledOf(p, f)?.open) ?? "consent";
  const multipart = !!p.licence || p.fields.some((f) => f === "id_front" || f === "id_back");
  return (
    <>
      <h1 id="step-title">{isMessageKey(title) ? t(locale, title) : p.method}</h1>
      {p.intro && isMessageKey(p.intro) && <p>{t(locale, p.intro)}</p>}
      {p.reason && (
        <div class="alert" role="alert" data-reason={p.reason}>
          <p>{reasonText(locale, p.reason)}</p>
          {p.reasonCounted && <p>{t(locale, "form.attempts_left", { n: String(p.attemptsLeft) })}</p>}
        </div>
      )}
      <StepForm action={p.action ?? `/v/${p.verificationId}/methods/${p.method}`} multipart={multipart}>
        {p.fields.map((field) => {
          const error = p.errors[field] ? errorText(locale, field, p.errors[field]!) : undefined;
          if (field === "id_front" || field === "id_back") return <ImageField locale={locale} field={field} error={error} autofocus={firstError === field} />;
          return (
            <Field
              name={field}
              label={fieldLabel(locale, field)}
              hint={hintFor(locale, p.hints, field)}
              prefilled={prefilledOf(p, field)}
              value={field === "valid_to" && p.values.valid_to === "long_term" ? "" : p.values[field]}
              error={error}
              autofocus={firstError === field || (!firstError && !p.reason && field === firstOpen)}
              required={field !== "valid_to" && !p.optional?.includes(field)}
              {...INPUTS[field]}
              after={field === "valid_to" ? <LongTerm locale={locale} checked={p.values.valid_to === "long_term"} /> : undefined}
            />
          );
        })}
        <MethodConsent
          locale={locale}
          method={p.method}
          checked={!!p.consent}
          error={p.errors.consent ? errorText(locale, "consent", p.errors.consent) : undefined}
          autofocus={firstError === "consent" || (!firstError && !p.reason && firstOpen === "consent")}
        />
        <button type="submit">{t(locale, "form.submit")}</button>
        {p.licence && <Licence locale={locale} action={p.licence.action} phoneAction={p.licence.phoneAction} error={p.licence.error} autofocus={!firstError && !!p.licence.error} />}
      </StepForm>
      {p.canChangeMethod && (
        <p>
          <a href={`/v/${p.verificationId}?choose=1`}>{t(locale, "form.change_method")}</a>
        </p>
      )}
      {p.note === "banks" && <Banks locale={locale} />}
    </>
  );
}

/**
 * The organization check's other way, inside its form so the typed fields and the consent go
 * with it: the licence file and a second submit button posting to the review action (formaction
 * without JavaScript, its own hx-post under htmx, multipart either way). A paper licence and only a
 * phone camera: a third button sends the same fields and consent, and the phone takes the photo.
 */
function Licence({ locale, action, phoneAction, error, autofocus }: { locale: Locale; action: string; phoneAction: string; error: string | undefined; autofocus: boolean }) {
  return (
    <section class="licence" aria-labelledby="licence-title">
      <h2 id="licence-title">{t(locale, "org_check.licence.heading")}</h2>
      <p>{t(locale, "org_check.licence.about")}</p>
      <DocumentField locale={locale} name="business_licence" hint="org_check.licence.hint" error={error} autofocus={autofocus} />
      {/* A button's own hx-post inherits nothing from its form (htmx 4): it names the step as its target itself. */}
      <button type="submit" class="secondary" formaction={action} hx-post={action} hx-target={`#${STEP_ID}`} hx-swap="outerHTML" hx-encoding="multipart/form-data">
        {t(locale, "org_check.licence.submit")}
      </button>
      <p class="hint" id="licence-phone-hint">
        {t(locale, "org_check.licence.phone_hint")}
      </p>
      <button type="submit" class="secondary" formaction={phoneAction} hx-post={phoneAction} hx-target={`#${STEP_ID}`} hx-swap="outerHTML" aria-describedby="licence-phone-hint" data-licence-phone>
        {t(locale, "org_check.licence.phone")}
      </button>
    </section>
  );
}

function fieldLabel(locale: Locale, field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? t(locale, key) : field;
}

function LongTerm({ locale, checked }: { locale: Locale; checked: boolean }) {
  return (
    <label class="check" for="f-valid_to_long_term">
      <input type="checkbox" id="f-valid_to_long_term" name="valid_to_long_term" value="yes" checked={checked} />
      <span>{t(locale, "form.valid_to.long_term")}</span>
    </label>
  );
}

function Banks({ locale }: { locale: Locale }) {
  return (
    <section class="banks" aria-labelledby="banks-title">
      <h2 id="banks-title">{t(locale, "method.bankcard4.banks.heading" as MessageKey)}</h2>
      <p>{t(locale, "method.bankcard4.banks.hint" as MessageKey)}</p>
      <p>{SUGGESTED_BANKS[locale].join(" · ")}</p>
    </section>
  );
}

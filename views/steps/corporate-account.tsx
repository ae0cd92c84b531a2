// The corporate account form (对公账户信息): the account's name shown (the checked organization's,
// never typed), the number, the bank picked from a list and its branch's CNAPS code, with where
// that code is printed. Shown first, and again inside the confirmation when a payout failed.
import { BANKS, OTHER_BANK } from "../../src/domain/transfer/banks";
import { errorText, reasonText } from "../components/form-errors";
import { Field } from "../components/field";
import { MethodConsent } from "../components/method-consent";
import { StepForm } from "../components/step-form";
import { type Locale, t } from "../messages";
import type { CorporateAccountForm, StepView } from "./model";

type Props = Extract<StepView, { kind: "corporate_account" }>;

export function CorporateAccountStep(p: Props) {
  const { locale } = p;
  return (
    <>
      <h1 id="step-title">{t(locale, "transfer.account.heading")}</h1>
      <p>{t(locale, "transfer.account.intro")}</p>
      <CorporateAccountFields locale={locale} form={p.form} />
      {p.canChangeMethod && (
        <p>
          <a href={`/v/${p.verificationId}?choose=1`}>{t(locale, "form.change_method")}</a>
        </p>
      )}
    </>
  );
}

export function CorporateAccountFields({ locale, form }: { locale: Locale; form: CorporateAccountForm }) {
  const err = (field: keyof CorporateAccountForm["errors"]) => (form.errors[field] ? errorText(locale, field, form.errors[field]!) : undefined);
  const first = (["account_number", "bank", "branch_code", "consent"] as const).find((f) => form.errors[f]);
  const bankError = err("bank");
  return (
    <>
      {form.reason && (
        <div class="alert" role="alert" data-reason={form.reason}>
          <p>{reasonText(locale, form.reason)}</p>
          <p>{t(locale, "transfer.account.payouts_left", { n: String(form.payoutsLeft) })}</p>
        </div>
      )}
      <StepForm action={form.action}>
        <dl class="facts">
          <dt>{t(locale, "field.account_name")}</dt>
          <dd data-account-name>{form.accountName}</dd>
        </dl>
        <p class="hint">{t(locale, "transfer.account.name_hint")}</p>
        <Field
          name="account_number"
          label={t(locale, "field.account_number")}
          value={form.values.account_number}
          error={err("account_number")}
          inputmode="numeric"
          maxlength={40}
          required
          autofocus={first === "account_number" || (!first && !form.reason)}
        />
        <div class="field">
          <label for="f-bank">{t(locale, "field.bank")}</label>
          <select id="f-bank" name="bank" required autofocus={first === "bank"} aria-invalid={bankError ? "true" : undefined} aria-describedby={bankError ? "f-bank-error" : undefined}>
            <option value="">{t(locale, "transfer.account.bank_pick")}</option>
            {BANKS.map((b) => (
              <option value={b.code} selected={form.values.bank === b.code}>
                {locale === "en" ? b.en : b.zh}
              </option>
            ))}
            <option value={OTHER_BANK} selected={form.values.bank === OTHER_BANK}>
              {t(locale, "transfer.account.bank_other")}
            </option>
          </select>
          {bankError && (
            <p class="error" id="f-bank-error">
              {bankError}
            </p>
          )}
        </div>
        <Field
          name="branch_code"
          label={t(locale, "field.branch_code")}
          hint={t(locale, "transfer.account.branch_hint")}
          value={form.values.branch_code}
          error={err("branch_code")}
          inputmode="numeric"
          maxlength={12}
          required
          autofocus={first === "branch_code"}
        />
        <MethodConsent locale={locale} method="transfer_forward" checked={form.consent} error={err("consent")} autofocus={first === "consent"} />
        <button type="submit">{t(locale, "transfer.account.submit")}</button>
      </StepForm>
    </>
  );
}

// Step 1, app authorization (应用授权): sign in with phone + SMS code and consent to sharing.
import { Field } from "../components/field";
import { Layout } from "../layout";
import { type Locale, t } from "../messages";

export interface AuthorizeProps {
  locale: Locale;
  verificationId: string;
  type: "person" | "organization";
  phone?: string;
  errors?: Partial<Record<"phone" | "code" | "consent", string>>;
}

export function AuthorizePage(p: AuthorizeProps) {
  const { locale } = p;
  return (
    <Layout locale={locale} title={t(locale, "authorize.heading")}>
      <section class="card" aria-labelledby="step-title">
        <p class="hint">{t(locale, p.type === "person" ? "verification.person" : "verification.organization")}</p>
        <h1 id="step-title">{t(locale, "authorize.heading")}</h1>
        <form method="post" action={`/v/${p.verificationId}/authorize`} novalidate>
          <Field name="phone" type="tel" inputmode="tel" autocomplete="tel" label={t(locale, "authorize.phone.label")} hint={t(locale, "authorize.phone.hint")} value={p.phone} error={p.errors?.phone} maxlength={16} />
          <Field name="code" inputmode="numeric" autocomplete="one-time-code" label={t(locale, "authorize.code.label")} error={p.errors?.code} maxlength={6} />
          <button type="submit">{t(locale, "authorize.submit")}</button>
        </form>
      </section>
    </Layout>
  );
}

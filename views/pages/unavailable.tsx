// The page for a verification link that cannot be used: unknown, expired, canceled or ended.
import { Layout } from "../layout";
import { type Locale, t } from "../messages";

export type UnavailableReason = "not_found" | "expired" | "canceled" | "verified" | "failed";

export function UnavailablePage({ locale, reason, backUrl }: { locale: Locale; reason: UnavailableReason; backUrl?: string | null }) {
  return (
    <Layout locale={locale} title={t(locale, "page.unavailable.title")} scripts={false}>
      <section class="card" aria-labelledby="unavailable-title">
        <h1 id="unavailable-title">{t(locale, "page.unavailable.title")}</h1>
        <p class={reason === "verified" ? "success" : "alert"} data-reason={reason}>
          {t(locale, `page.unavailable.${reason}`)}
        </p>
        {backUrl && (
          <p>
            <a class="button secondary" href={backUrl}>
              {t(locale, "page.unavailable.back")}
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}

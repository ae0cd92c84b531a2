// The phone's pages for Alipay face: ours before the applicant leaves for the Alipay app, and, in
// test mode only, the stand-in for the app itself. No script: links and forms do everything.
import { reasonText } from "../components/form-errors";
import { Layout } from "../layout";
import { type Locale, t } from "../messages";
import type { AlipayNotice } from "../steps/model";

function FailureNotice({ locale, lastFailure }: { locale: Locale; lastFailure?: string | null | undefined }) {
  if (!lastFailure) return null;
  return (
    <p class="alert" role="alert" data-reason={lastFailure}>
      {t(locale, "phone.capture.retry", { reason: reasonText(locale, lastFailure) })}
    </p>
  );
}

/**
 * Before Alipay: what happens and who sees the face, then one button. Once a check is registered
 * (`appLink`), a link that opens it in the Alipay app, for a phone whose camera opened us in
 * another browser.
 */
export function AlipayStartPage(p: { locale: Locale; lastFailure?: string | null | undefined; appLink?: string | undefined; notice?: AlipayNotice | undefined }) {
  const { locale, lastFailure, appLink, notice } = p;
  return (
    <Layout locale={locale} title={t(locale, "phone.alipay.heading")} scripts={false}>
      <section class="card" aria-labelledby="phone-title" data-phone="alipay_face">
        <h1 id="phone-title">{t(locale, "phone.alipay.heading")}</h1>
        <FailureNotice locale={locale} lastFailure={lastFailure} />
        <p>{t(locale, "phone.alipay.intro")}</p>
        {appLink ? (
          <>
            <p>
              <a class="button wide" href={appLink} data-alipay-app>
                {t(locale, "phone.alipay.open_app")}
              </a>
            </p>
            <p class="hint">{t(locale, "phone.alipay.open_hint")}</p>
            {notice && (
              <p class="alert" role="alert" id="alipay-notice" data-notice={notice}>
                {t(locale, `handoff.alipay.notice.${notice}`)}
              </p>
            )}
            <form method="post" action="/p/alipay/result">
              <button type="submit" class="secondary wide" autofocus={notice ? true : undefined} aria-describedby={notice ? "alipay-notice" : undefined}>
                {t(locale, "handoff.alipay.query")}
              </button>
            </form>
          </>
        ) : (
          <form method="post" action="/p/alipay/start">
            <button type="submit" class="wide">
              {t(locale, "phone.alipay.start")}
            </button>
          </form>
        )}
      </section>
    </Layout>
  );
}

/** Back from Alipay in a browser that holds no session of ours: the desktop is where to go on. */
export function AlipayReturnedPage({ locale, lastFailure }: { locale: Locale; lastFailure?: string | null | undefined }) {
  return (
    <Layout locale={locale} title={t(locale, "phone.alipay.heading")} scripts={false}>
      <section class="card" aria-labelledby="phone-title" data-phone="alipay_returned">
        <h1 id="phone-title">{t(locale, "phone.alipay.heading")}</h1>
        <FailureNotice locale={locale} lastFailure={lastFailure} />
        <p role="status">{t(locale, "phone.alipay.returned")}</p>
      </section>
    </Layout>
  );
}

/** Test mode only: what the Alipay app would do, reduced to one link back; the sandbox decided by name. */
export function AlipaySandboxPage({ locale, returnUrl }: { locale: Locale; returnUrl: string }) {
  return (
    <Layout locale={locale} title={t(locale, "phone.alipay.heading")} scripts={false}>
      <section class="card" aria-labelledby="phone-title" data-phone="alipay_sandbox">
        <h1 id="phone-title">{t(locale, "phone.alipay.heading")}</h1>
        <p class="notice">{t(locale, "phone.alipay.sandbox")}</p>
        <p>
          <a class="button wide" href={returnUrl} data-alipay-return>
            {t(locale, "phone.alipay.go")}
          </a>
        </p>
      </section>
    </Layout>
  );
}

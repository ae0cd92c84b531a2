// The phone's pages for Alipay face: ours before the applicant leaves for the Alipay app, and, in
// test mode only, the stand-in for the app itself. No script: links and forms do everything.
import { type Locale, t } from "../messages";
import type { AlipayNotice } from "../steps/model";
import { PhonePage } from "./phone-page";

/**
 * Before Alipay: what happens and who sees the face, then one button. Once a check is registered
 * (`appLink`), a link that opens it in the Alipay app, for a phone whose camera opened us in
 * another browser.
 */
export function AlipayStartPage(p: { locale: Locale; lastFailure?: string | null | undefined; attemptsLeft?: number | undefined; appLink?: string | undefined; notice?: AlipayNotice | undefined }) {
  const { locale, lastFailure, appLink, notice } = p;
  return (
    <PhonePage locale={locale} title={t(locale, "phone.alipay.heading")} phone="alipay_face" channel="alipay_face" lastFailure={lastFailure} attemptsLeft={p.attemptsLeft}>
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
    </PhonePage>
  );
}

/** Back from Alipay in a browser that holds no session of ours: the desktop is where to go on. */
export function AlipayReturnedPage({ locale, lastFailure }: { locale: Locale; lastFailure?: string | null | undefined }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.alipay.heading")} phone="alipay_returned" channel="alipay_face" lastFailure={lastFailure}>
      <p role="status">{t(locale, "phone.alipay.returned")}</p>
    </PhonePage>
  );
}

/** Test mode only: what the Alipay app would do, reduced to one link back; the sandbox decided by name. */
export function AlipaySandboxPage({ locale, returnUrl }: { locale: Locale; returnUrl: string }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.alipay.heading")} phone="alipay_sandbox">
      <p class="notice">{t(locale, "phone.alipay.sandbox")}</p>
      <p>
        <a class="button wide" href={returnUrl} data-alipay-return>
          {t(locale, "phone.alipay.go")}
        </a>
      </p>
    </PhonePage>
  );
}

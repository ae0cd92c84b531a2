// The frame every phone page shares: the layout without htmx, one card named by its heading,
// `data-phone` saying which page it is, and, after a failed try, why it failed.
import type { Child } from "hono/jsx";
import { type PhoneChannelName, retryText } from "../components/form-errors";
import { Layout } from "../layout";
import { type Locale, t } from "../messages";

/** Whose verification this is and for whom: shown first, so a phone that opened a link knows what it is doing. */
export interface PhoneAbout {
  partner: string;
  /** The person's name, masked. */
  person: string | null;
}

export function PhonePage(p: {
  locale: Locale;
  title: string;
  phone: string;
  lastFailure?: string | null | undefined;
  /** The channel whose try `lastFailure` is about, for its own words. */
  channel?: PhoneChannelName | undefined;
  attemptsLeft?: number | undefined;
  about?: PhoneAbout | undefined;
  children?: Child;
}) {
  return (
    <Layout locale={p.locale} title={p.title} scripts={false}>
      <section class="card" aria-labelledby="phone-title" data-phone={p.phone}>
        <h1 id="phone-title">{p.title}</h1>
        {p.about && (
          <p class="hint" data-about>
            {p.about.person ? t(p.locale, "phone.about.person", { partner: p.about.partner, person: p.about.person }) : t(p.locale, "phone.about", { partner: p.about.partner })}
          </p>
        )}
        <FailureNotice locale={p.locale} lastFailure={p.lastFailure} channel={p.channel ?? "face"} attemptsLeft={p.attemptsLeft} />
        {p.children}
      </section>
    </Layout>
  );
}

function FailureNotice({ locale, lastFailure, channel, attemptsLeft }: { locale: Locale; lastFailure?: string | null | undefined; channel: PhoneChannelName; attemptsLeft?: number | undefined }) {
  if (!lastFailure) return null;
  return (
    <p class="alert" role="alert" data-reason={lastFailure}>
      {retryText(locale, lastFailure, channel, "phone.capture.retry")}
      {/* A fault is no try; a failed check is, and the last one must not come as a surprise. */}
      {attemptsLeft !== undefined && lastFailure !== "provider_unavailable" && (
        <>
          {t(locale, "sentence.gap")}
          {t(locale, attemptsLeft === 1 ? "phone.tries_last" : "phone.tries_left", { n: String(attemptsLeft) })}
        </>
      )}
    </p>
  );
}

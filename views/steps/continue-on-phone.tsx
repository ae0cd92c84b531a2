// The face method after its 2-element check: a QR code and the same link as text for the phone,
// and a live status that follows the handoff (WebSocket; htmx polling only where there is none).
import { raw } from "hono/html";
import { QrCode } from "../components/qr-code";
import { type PhoneChannelName, retryText } from "../components/form-errors";
import { StepForm } from "../components/step-form";
import { isMessageKey, type Locale, t } from "../messages";
import type { StepView } from "./model";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";

type Props = Extract<StepView, { kind: "continue_on_phone" }>;

export const HANDOFF_STATUS_ID = "handoff-status";

const STATES = ["waiting", "opened", "capturing", "retrying", "submitted", "verified", "failed", "expired"] as const;

/** Alipay face has its own words where the applicant is in the Alipay app rather than on our page. */
function stateText(locale: Locale, state: string, purpose?: string) {
  const own = `handoff.state.${purpose}.${state}`;
  const key = `handoff.state.${state}`;
  return isMessageKey(own) ? t(locale, own) : isMessageKey(key) ? t(locale, key) : state;
}

// Small on purpose (it ships in the first flight): open the socket, show each state, move on at the
// end. Where there is no WebSocket, or it keeps failing, htmx polls the status fragment instead; the
// fragment it gets back carries the same polling attributes, so the polling goes on.
// The script itself: views/scripts/handoff-live.js, minified into the page at build.
const LIVE_SCRIPT = INLINE_SCRIPTS["handoff-live"];

export function HandoffStatus(p: {
  locale: Locale;
  verificationId: string;
  state: string;
  lastFailure?: string | null | undefined;
  /** How many tries the phone has had fail so far: a new one, even for the same reason, moves the page on. */
  failures?: number | undefined;
  purpose?: string | undefined;
  polling?: boolean;
  attemptsLeft?: number | undefined;
  /** Where to go once the phone's step ended, when not this verification's own page. */
  reloadTo?: string | undefined;
}) {
  const { locale, verificationId, state, lastFailure, purpose } = p;
  const poll = `/v/${verificationId}/handoff/status`;
  const msgs = Object.fromEntries(STATES.map((s) => [s, stateText(locale, s, purpose)]));
  // After a failed try the phone is back at its start, not in Alipay or the camera: the status says
  // it waits for another try, and why the last one failed stands on its own line below it.
  const retrying = Boolean(lastFailure) && (state === "capturing" || state === "opened");
  const channel: PhoneChannelName = purpose === "alipay_face" ? "alipay_face" : purpose === "id_capture" ? "id_capture" : "face";
  return (
    <div
      id={HANDOFF_STATUS_ID}
      class="notice"
      role="status"
      aria-live="polite"
      data-state={state}
      data-failures={String(p.failures ?? 0)}
      data-vid={verificationId}
      data-reload={p.reloadTo}
      data-ws={`/v/${verificationId}/handoff/live`}
      data-poll={poll}
      data-msgs={JSON.stringify(msgs)}
      {...(p.polling ? { "hx-get": poll, "hx-trigger": "every 3s", "hx-swap": "outerHTML" } : {})}
    >
      <span data-text>{stateText(locale, retrying ? "retrying" : state, purpose)}</span>
      {retrying && lastFailure && (
        <span class="failure" data-failure={lastFailure}>
          {retryText(locale, lastFailure, channel, "handoff.retry_notice")}
          {p.attemptsLeft !== undefined &&
            lastFailure !== "provider_unavailable" &&
            `${t(locale, "sentence.gap")}${t(locale, p.attemptsLeft === 1 ? "phone.tries_last" : "phone.tries_left", { n: String(p.attemptsLeft) })}`}
        </span>
      )}
    </div>
  );
}

/** The QR code with its link as text, the live status, and the way to a fresh code. */
export function PhoneHandoff({ locale, verificationId, handoff, reloadTo }: { locale: Locale; verificationId: string; handoff: Props["handoff"]; reloadTo?: string | undefined }) {
  const link = handoff.link;
  const alipay = handoff.purpose === "alipay_face";
  return (
    <>
      {link && (
        <div id="handoff-qr" data-left={link.secondsLeft}>
          <p data-channel={alipay ? "alipay_face" : undefined}>{t(locale, alipay ? "handoff.alipay.scan" : "handoff.scan")}</p>
          <p class="qr">
            <QrCode text={link.url} label={t(locale, "handoff.qr_alt")} />
          </p>
          <p>
            <code class="link" data-link>
              {link.url}
            </code>
          </p>
          {/* A camera that cannot read the screen: the address and the code, typed. */}
          {!alipay && (
            <p class="hint">
              {t(locale, "handoff.type_code", { address: `${new URL(link.url).host}/p` })}{" "}
              <strong class="code" data-code>
                {link.code}
              </strong>
            </p>
          )}
          {/* Already on the phone that has the camera: the same one-time link, tapped, is the way on. */}
          <p>
            <a class="button secondary" href={link.url} data-continue-here>
              {t(locale, "handoff.continue_here")}
            </a>
          </p>
          <p
            class="hint"
            data-valid
            data-expired-text={t(locale, "handoff.qr_expired")}
            data-stop-text={t(locale, "handoff.qr_expired_stop")}
            data-left-text={t(locale, "handoff.time_left", { time: "{time}" })}
          >
            {t(locale, "handoff.valid_for", { minutes: String(link.minutesLeft) })}
          </p>
        </div>
      )}
      <HandoffStatus
        locale={locale}
        verificationId={verificationId}
        state={handoff.state}
        lastFailure={handoff.lastFailure}
        failures={handoff.failures}
        purpose={handoff.purpose}
        attemptsLeft={handoff.attemptsLeft}
        reloadTo={reloadTo}
      />
      <noscript>
        <p>{t(locale, "handoff.no_live")}</p>
        <p>
          <a href={`/v/${verificationId}`}>{t(locale, "handoff.check_status")}</a>
        </p>
      </noscript>
      <StepForm action={`/v/${verificationId}/handoff/refresh`}>
        <button type="submit" class="secondary" data-new-qr>
          {t(locale, "handoff.new_qr")}
        </button>
      </StepForm>
      <script>{raw(LIVE_SCRIPT)}</script>
    </>
  );
}

/** The guide's "query the result on the PC": for when the phone never came back from Alipay. */
function AlipayQuery({ locale, verificationId, notice }: { locale: Locale; verificationId: string; notice: Props["alipayNotice"] }) {
  return (
    <>
      {notice && (
        <p class="alert" role="alert" id="alipay-notice" data-notice={notice}>
          {t(locale, `handoff.alipay.notice.${notice}`)}
        </p>
      )}
      {/* After the swap that brings a notice, focus stays on the button that asked, described by it. */}
      <StepForm action={`/v/${verificationId}/handoff/alipay-result`}>
        <button type="submit" class="secondary" autofocus={notice ? true : undefined} aria-describedby={notice ? "alipay-notice" : undefined}>
          {t(locale, "handoff.alipay.query")}
        </button>
      </StepForm>
    </>
  );
}

export function ContinueOnPhoneStep(p: Props) {
  const { locale } = p;
  return (
    <>
      <h1 id="step-title">{t(locale, "phone.heading")}</h1>
      {p.formOnPhone ? <p>{t(locale, "phone.body.form_on_phone")}</p> : <p class="success">{t(locale, "phone.body")}</p>}
      <PhoneHandoff locale={locale} verificationId={p.verificationId} handoff={p.handoff} reloadTo={p.reloadTo} />
      {p.handoff.purpose === "alipay_face" && <AlipayQuery locale={locale} verificationId={p.verificationId} notice={p.alipayNotice} />}
      {p.alipay && (
        <StepForm action={`/v/${p.verificationId}/handoff/refresh`}>
          <button type="submit" name="channel" value={p.handoff.purpose === "alipay_face" ? "face" : "alipay_face"} class="secondary">
            {t(locale, p.handoff.purpose === "alipay_face" ? "handoff.alipay.back" : "handoff.alipay.use")}
          </button>
        </StepForm>
      )}
      {p.canChangeMethod && (
        <p>
          <a href={p.changeMethodUrl ?? `/v/${p.verificationId}?choose=1`}>{t(locale, "form.change_method")}</a>
        </p>
      )}
    </>
  );
}

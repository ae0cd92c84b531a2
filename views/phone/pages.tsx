// The phone's pages for the camera steps: link problems, the face-processing consent, the capture
// itself, and where the check stands. Narrow screens first (320 px), no htmx, one small script.
import { raw } from "hono/html";
import { isMessageKey, type Locale, t } from "../messages";
import { CodeEntryForm } from "./code-entry";
import { type PhoneAbout, PhonePage } from "./phone-page";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";

export type LinkProblem = "used" | "replaced" | "expired" | "invalid" | "ended";

export function LinkProblemPage({ locale, reason }: { locale: Locale; reason: LinkProblem }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.link.heading")} phone="link_problem">
      <p class="alert" data-reason={reason}>
        {t(locale, `phone.link.${reason}`)}
      </p>
      {/* The computer shows a new code by then: typing it is quicker than scanning again. */}
      {reason !== "ended" && <CodeEntryForm locale={locale} lead={t(locale, "phone.code.or")} />}
    </PhonePage>
  );
}

export function ConsentPage({ locale, about }: { locale: Locale; about?: PhoneAbout }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.consent.title")} phone="consent" about={about}>
      <p>{t(locale, "phone.consent.body")}</p>
      <form method="post" action="/p/consent">
        <button type="submit" class="wide">
          {t(locale, "phone.consent.agree")}
        </button>
      </form>
    </PhonePage>
  );
}

function NoCameraHelp({ locale, hidden, id = "no-camera" }: { locale: Locale; hidden: boolean; id?: string | null }) {
  return (
    <div id={id ?? undefined} hidden={hidden}>
      <h2>{t(locale, "phone.no_camera.heading")}</h2>
      <p>{t(locale, "phone.no_camera.body")}</p>
      <ul>
        <li>{t(locale, "phone.no_camera.system_browser")}</li>
        <li>{t(locale, "phone.no_camera.other_method")}</li>
      </ul>
    </div>
  );
}

const ACTIONS = ["blink", "turn_left", "turn_right", "nod", "open_mouth"] as const;

// Records at most ~4.5 s at low resolution while speaking each prompt, then uploads the clip.
// The script itself: views/scripts/face-capture.js, minified into the page at build.
const CAPTURE_SCRIPT = INLINE_SCRIPTS["face-capture"];

export function CapturePage({ locale, prompts, lastFailure, attemptsLeft, about }: { locale: Locale; prompts: string[]; lastFailure?: string | null; attemptsLeft?: number; about?: PhoneAbout }) {
  const texts = Object.fromEntries(ACTIONS.map((a) => [a, t(locale, "phone.capture.prompt", { action: t(locale, `phone.action.${a}`) })]));
  const actions = prompts.map((p) => (isMessageKey(`phone.action.${p}`) ? t(locale, `phone.action.${p}` as "phone.action.blink") : p)).join(" → ");
  // Each prompt is held 2.2 s while recording (about 4.5 s in all): the script reads it from data-step-ms.
  const stepMs = 2200;
  const seconds = String(Math.ceil((prompts.length * stepMs) / 1000));
  return (
    <PhonePage locale={locale} title={t(locale, "phone.capture.heading")} phone="capture" lastFailure={lastFailure} attemptsLeft={attemptsLeft} about={about}>
      <div
        id="capture"
        data-prompts={JSON.stringify(prompts)}
        data-texts={JSON.stringify(texts)}
        data-lang={locale}
        data-step-ms={String(stepMs)}
        data-opening={t(locale, "phone.capture.opening")}
        data-frame={t(locale, "phone.capture.frame")}
        data-tap={t(locale, "phone.capture.tap_camera")}
        data-ready={t(locale, "phone.capture.get_ready")}
        data-left={t(locale, "phone.capture.left")}
        data-uploading={t(locale, "phone.capture.uploading")}
        data-checking={t(locale, "phone.checking")}
        data-neterror={t(locale, "phone.upload_failed")}
      >
        {/* The live preview fills the oval before anything is recorded; the countdown is drawn over it. */}
        <div id="capture-view">
          <p>{t(locale, "phone.capture.instructions")}</p>
          <p class="visually-hidden">{t(locale, "phone.capture.sr")}</p>
          <div class="oval" id="capture-oval">
            <video id="capture-video" muted playsinline></video>
            <span id="capture-count" class="count" aria-live="assertive" aria-atomic="true"></span>
          </div>
          <p id="capture-rec" class="rec">
            <span class="dot" aria-hidden="true"></span>
            {t(locale, "phone.capture.recording")} · <span id="capture-left">{t(locale, "phone.capture.left", { s: seconds })}</span>
          </p>
          <p id="capture-status" class="prompt" role="status" aria-live="assertive">
            {t(locale, "phone.capture.frame")}
          </p>
          <p class="hint center">{t(locale, "phone.capture.actions", { actions })}</p>
          <button type="button" id="capture-start" class="wide" hidden>
            {t(locale, "phone.capture.start")}
          </button>
        </div>
        {/* A refused or missing camera takes the view's place: what happened and what to do. */}
        <div id="camera-problem" class="alert" role="alert" hidden>
          <p data-for="denied">{t(locale, "phone.capture.denied")}</p>
          <p data-for="missing">{t(locale, "phone.capture.missing")}</p>
          <ul>
            <li data-for="denied">{t(locale, "phone.capture.allow")}</li>
            <li data-for="missing">{t(locale, "phone.capture.close_others")}</li>
            <li>{t(locale, "phone.no_camera.other_method")}</li>
          </ul>
        </div>
        <button type="button" id="capture-camera" class="wide secondary" hidden>
          {t(locale, "phone.capture.open_camera")}
        </button>
      </div>
      <NoCameraHelp locale={locale} hidden={true} />
      {/* Without script the capture cannot run: say so, and what works instead. */}
      <noscript>
        <NoCameraHelp locale={locale} hidden={false} id={null} />
      </noscript>
      <script>{raw(CAPTURE_SCRIPT)}</script>
    </PhonePage>
  );
}

export type PhoneStatus = "submitted" | "verified" | "failed" | "expired";

const STATUS_TEXT = {
  face: { submitted: "phone.checking", verified: "phone.verified", failed: "phone.failed", expired: "phone.expired" },
  id_capture: { submitted: "phone.checking", verified: "phone.photos.done", failed: "phone.photos.failed", expired: "phone.expired" },
} as const;

/** Where the phone's step stands once there is nothing left to do on it; ID photos have their own words. */
/** `next`: where the person goes on from here, on this phone (a legal representative back to the letter they sign). */
export function PhoneStatusPage({ locale, status, purpose = "face", next }: { locale: Locale; status: PhoneStatus; purpose?: string; next?: string | undefined }) {
  const photos = purpose === "id_capture";
  const key = STATUS_TEXT[photos ? "id_capture" : "face"][status];
  const title = t(locale, photos ? "phone.photos.heading" : "phone.title");
  return (
    <PhonePage locale={locale} title={title} phone={status}>
      <p class={status === "verified" ? "success" : status === "submitted" ? "notice" : "alert"} role="status">
        {t(locale, key)}
      </p>
      {/* While checking, look again every 2 s (a script, not a timed refresh: WCAG 2.2.1). */}
      {status === "submitted" && <script>{raw(INLINE_SCRIPTS["reload-soon"])}</script>}
      {next && status !== "submitted" && (
        <p>
          <a class="button wide" href={next} data-next>
            {t(locale, "result.return_invitation")}
          </a>
        </p>
      )}
    </PhonePage>
  );
}

// The phone's pages for the camera steps: link problems, the face-processing consent, the capture
// itself, and where the check stands. Narrow screens first (320 px), no htmx, one small script.
import { raw } from "hono/html";
import { isMessageKey, type Locale, t } from "../messages";
import { type PhoneAbout, PhonePage } from "./phone-page";

export type LinkProblem = "used" | "replaced" | "expired" | "invalid" | "ended";

export function LinkProblemPage({ locale, reason }: { locale: Locale; reason: LinkProblem }) {
  return (
    <PhonePage locale={locale} title={t(locale, "phone.link.heading")} phone="link_problem">
      <p class="alert" data-reason={reason}>
        {t(locale, `phone.link.${reason}`)}
      </p>
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
const CAPTURE_SCRIPT = `(function(){var root=document.getElementById("capture");if(!root)return;var d=root.dataset,prompts=JSON.parse(d.prompts),texts=JSON.parse(d.texts);
var status=document.getElementById("capture-status"),btn=document.getElementById("capture-start"),video=document.getElementById("capture-video");
function say(s){status.textContent=s;try{var u=new SpeechSynthesisUtterance(s);u.lang=d.lang;speechSynthesis.cancel();speechSynthesis.speak(u)}catch(e){}}
if(!(navigator.mediaDevices&&navigator.mediaDevices.getUserMedia&&window.MediaRecorder)){document.getElementById("no-camera").hidden=false;root.hidden=true;return}
btn.hidden=false;btn.onclick=async function(){btn.disabled=true;var stream;
try{stream=await navigator.mediaDevices.getUserMedia({video:{facingMode:"user",width:{ideal:480},height:{ideal:640}},audio:false})}catch(e){status.textContent=d.denied;btn.disabled=false;return}
video.srcObject=stream;try{await video.play()}catch(e){}
var types=["video/mp4;codecs=avc1","video/mp4","video/webm;codecs=vp8","video/webm"],type=types.find(function(x){return MediaRecorder.isTypeSupported(x)})||"";
var rec=new MediaRecorder(stream,type?{mimeType:type,videoBitsPerSecond:300000}:{videoBitsPerSecond:300000}),chunks=[];
rec.ondataavailable=function(e){if(e.data.size)chunks.push(e.data)};var stopped=new Promise(function(r){rec.onstop=r});rec.start(250);
for(var i=0;i<prompts.length;i++){say(texts[prompts[i]]);await new Promise(function(r){setTimeout(r,2200)})}
rec.stop();await stopped;stream.getTracks().forEach(function(x){x.stop()});status.textContent=d.uploading;
var fd=new FormData();fd.append("clip",new Blob(chunks,{type:(rec.mimeType||type||"video/webm").split(";")[0]}),"clip");
try{var r=await fetch("/p/clip",{method:"POST",body:fd,credentials:"same-origin"});var j=await r.json();if(j.error){status.textContent=j.message;btn.disabled=false;return}}catch(e){status.textContent=d.neterror;btn.disabled=false;return}
location.replace("/p")}})();`;

export function CapturePage({ locale, prompts, lastFailure, attemptsLeft, about }: { locale: Locale; prompts: string[]; lastFailure?: string | null; attemptsLeft?: number; about?: PhoneAbout }) {
  const texts = Object.fromEntries(ACTIONS.map((a) => [a, t(locale, "phone.capture.prompt", { action: t(locale, `phone.action.${a}`) })]));
  return (
    <PhonePage locale={locale} title={t(locale, "phone.capture.heading")} phone="capture" lastFailure={lastFailure} attemptsLeft={attemptsLeft} about={about}>
      <div
        id="capture"
        data-prompts={JSON.stringify(prompts)}
        data-texts={JSON.stringify(texts)}
        data-lang={locale}
        data-denied={t(locale, "phone.capture.denied")}
        data-uploading={t(locale, "phone.capture.uploading")}
        data-neterror={t(locale, "phone.upload_failed")}
      >
        <p>{t(locale, "phone.capture.instructions")}</p>
        <p class="visually-hidden">{t(locale, "phone.capture.sr")}</p>
        <div class="oval">
          <video id="capture-video" muted playsinline></video>
        </div>
        <p id="capture-status" class="prompt" role="status" aria-live="assertive">
          {prompts.map((p) => (isMessageKey(`phone.action.${p}`) ? t(locale, `phone.action.${p}` as "phone.action.blink") : p)).join(" → ")}
        </p>
        <button type="button" id="capture-start" class="wide" hidden>
          {t(locale, "phone.capture.start")}
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
export function PhoneStatusPage({ locale, status, purpose = "face" }: { locale: Locale; status: PhoneStatus; purpose?: string }) {
  const photos = purpose === "id_capture";
  const key = STATUS_TEXT[photos ? "id_capture" : "face"][status];
  const title = t(locale, photos ? "phone.photos.heading" : "phone.title");
  return (
    <PhonePage locale={locale} title={title} phone={status}>
      <p class={status === "verified" ? "success" : status === "submitted" ? "notice" : "alert"} role="status">
        {t(locale, key)}
      </p>
      {/* While checking, look again every 2 s (a script, not a timed refresh: WCAG 2.2.1). */}
      {status === "submitted" && <script>{raw("setTimeout(function(){location.reload()},2000)")}</script>}
    </PhonePage>
  );
}

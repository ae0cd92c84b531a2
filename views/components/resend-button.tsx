// A "new code" button that cannot be pressed before the send limits allow it: the server renders
// it disabled with the seconds left, so it holds without JavaScript (a reload shows it enabled
// once the time is up); with JavaScript, the seconds count down and the button wakes by itself.
import { raw } from "hono/html";
import { type Locale, t } from "../messages";

const COUNTDOWN_SCRIPT = `(function(){document.querySelectorAll("button[data-countdown]").forEach(function(b){if(b.dataset.counting)return;b.dataset.counting="1";
var n=+b.dataset.countdown,label=b.dataset.label,wait=b.dataset.wait;var tick=function(){if(n<=0){b.disabled=false;b.textContent=label;return}
b.textContent=wait.replace("{seconds}",String(n));n-=1;setTimeout(tick,1000)};tick()})})()`;

export function ResendButton({ locale, seconds, name, value, label }: { locale: Locale; seconds: number; name: string; value: string; label: string }) {
  if (seconds <= 0) {
    return (
      <button type="submit" name={name} value={value} class="secondary">
        {label}
      </button>
    );
  }
  return (
    <>
      <button type="submit" name={name} value={value} class="secondary" disabled data-countdown={String(seconds)} data-label={label} data-wait={t(locale, "code.resend_in", { seconds: "{seconds}" })}>
        {t(locale, "code.resend_in", { seconds: String(seconds) })}
      </button>
      <script>{raw(COUNTDOWN_SCRIPT)}</script>
    </>
  );
}

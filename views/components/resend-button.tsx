// A "new code" button that cannot be pressed before the send limits allow it: the server renders
// it disabled with the seconds left, so it holds without JavaScript (a reload shows it enabled
// once the time is up); with JavaScript, the seconds count down and the button wakes by itself.
import { raw } from "hono/html";
import { type Locale, t } from "../messages";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";

// The script itself: views/scripts/resend-countdown.js, minified into the page at build.
const COUNTDOWN_SCRIPT = INLINE_SCRIPTS["resend-countdown"];

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

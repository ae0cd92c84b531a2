// A "new code" button that cannot be pressed before the send limits allow it: the server renders
// it disabled with the seconds left, so it holds without JavaScript (a reload shows it enabled
// once the time is up); with JavaScript, the seconds count down and the button wakes by itself.
import { raw } from "hono/html";
import { type Locale, t } from "../messages";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";

// The script itself: views/scripts/resend-countdown.js, minified into the page at build.
const COUNTDOWN_SCRIPT = INLINE_SCRIPTS["resend-countdown"];

/**
 * `wait` is the countdown's words: a new code by default; a link says it is sent again. `primary`
 * where sending is the form's own action (the invitation's SMS), not an aside to a code field.
 */
export function ResendButton({
  locale,
  seconds,
  name,
  value,
  label,
  wait = "code.resend_in",
  primary = false,
}: {
  locale: Locale;
  seconds: number;
  name: string;
  value: string;
  label: string;
  wait?: "code.resend_in" | "invitation.resend_in";
  primary?: boolean;
}) {
  const look = primary ? undefined : "secondary";
  if (seconds <= 0) {
    return (
      <button type="submit" name={name} value={value} class={look}>
        {label}
      </button>
    );
  }
  return (
    <>
      <button type="submit" name={name} value={value} class={look} disabled data-countdown={String(seconds)} data-label={label} data-wait={t(locale, wait, { seconds: "{seconds}" })}>
        {t(locale, wait, { seconds: String(seconds) })}
      </button>
      <script>{raw(COUNTDOWN_SCRIPT)}</script>
    </>
  );
}

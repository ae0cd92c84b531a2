// A step's form: a plain POST that works without JavaScript, upgraded by htmx to swap the step
// in place (one request per action, the response carrying the whole next step).
import type { Child } from "hono/jsx";
import { STEP_ID } from "../steps/model";

/** The action Enter in a field must run, where a secondary button comes first (获取验证码 beside the phone). */
export interface DefaultAction {
  name: string;
  value: string;
  label: string;
}

export function StepForm({ action, children, multipart, defaultAction }: { action: string; children: Child; multipart?: boolean; defaultAction?: DefaultAction }) {
  return (
    <form method="post" action={action} hx-post={action} hx-target={`#${STEP_ID}`} hx-swap="outerHTML" enctype={multipart ? "multipart/form-data" : undefined} novalidate>
      {/* Enter clicks the form's first submit button (HTML's default button): this one, out of
          sight and out of the tab order, so a secondary button earlier in the form never runs. */}
      {defaultAction && (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: out of the tab order (tabindex -1); the visible button says the same to a screen reader, this one only makes Enter run it.
        <button type="submit" name={defaultAction.name} value={defaultAction.value} class="visually-hidden" tabindex={-1} aria-hidden="true" data-default-action>
          {defaultAction.label}
        </button>
      )}
      {children}
    </form>
  );
}

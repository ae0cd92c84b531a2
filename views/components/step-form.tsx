// A step's form: a plain POST that works without JavaScript, upgraded by htmx to swap the step
// in place (one request per action, the response carrying the whole next step).
import type { Child } from "hono/jsx";
import { STEP_ID } from "../steps/model";

export function StepForm({ action, children, multipart }: { action: string; children: Child; multipart?: boolean }) {
  return (
    <form
      method="post"
      action={action}
      hx-post={action}
      hx-target={`#${STEP_ID}`}
      hx-swap="outerHTML"
      enctype={multipart ? "multipart/form-data" : undefined}
      novalidate
    >
      {children}
    </form>
  );
}

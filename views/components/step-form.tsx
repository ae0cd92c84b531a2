// A step's form: a plain POST that works without JavaScript, upgraded by htmx to swap the step
// in place (one request per action, the response carrying the whole next step).
import type { Child } from "hono/jsx";
import { STEP_ID } from "../steps/model";
import { type DefaultAction, DefaultActionButton } from "./default-action";

export type { DefaultAction };

export function StepForm({ action, children, multipart, defaultAction }: { action: string; children: Child; multipart?: boolean; defaultAction?: DefaultAction }) {
  return (
    <form method="post" action={action} hx-post={action} hx-target={`#${STEP_ID}`} hx-swap="outerHTML" enctype={multipart ? "multipart/form-data" : undefined} novalidate>
      {defaultAction && <DefaultActionButton {...defaultAction} />}
      {children}
    </form>
  );
}

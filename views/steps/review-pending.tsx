// While a person reviews the business licence (营业执照审核中): what happens and how long it
// takes. The step looks again every 5 s (htmx swaps the step in place), so the page moves on by
// itself once the reviewer decided; without JavaScript, a link reloads it.
import { t } from "../messages";
import type { StepView } from "./model";
import { STEP_ID } from "./model";

type Props = Extract<StepView, { kind: "review_pending" }>;

export function ReviewPendingStep(p: Props) {
  return (
    <>
      <h1 id="step-title">{t(p.locale, "review_pending.heading")}</h1>
      <div hx-get={p.pollUrl} hx-trigger="every 5s" hx-target={`#${STEP_ID}`} hx-select={`#${STEP_ID}`} hx-swap="outerHTML" data-review-pending>
        <p role="status">{t(p.locale, "review_pending.body", { hours: String(p.targetHours) })}</p>
        <p class="hint">{t(p.locale, "review_pending.hint")}</p>
        <p>
          <a href={p.pollUrl}>{t(p.locale, "review_pending.reload")}</a>
        </p>
      </div>
    </>
  );
}

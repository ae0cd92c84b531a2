// Step 4, the result: success with the masked identity, or the specific reason it failed; then
// back to the partner when it gave a redirect_url.
import { reasonText } from "../components/form-errors";
import { t } from "../messages";
import type { StepView } from "./model";

type Props = Extract<StepView, { kind: "result" }>;

export function ResultStep(p: Props) {
  const { locale } = p;
  const verified = p.status === "verified";
  return (
    <>
      <h1 id="step-title" data-status={p.status}>
        {t(locale, verified ? "result.verified.heading" : "result.failed.heading")}
      </h1>
      {verified ? <p class="success">{t(locale, "result.verified.body")}</p> : <p class="alert" data-reason={p.reason}>{reasonText(locale, p.reason ?? "attempts_exhausted")}</p>}
      {p.summary && (
        <dl class="summary">
          <dt>{t(locale, "summary.name")}</dt>
          <dd>{p.summary.name ?? "—"}</dd>
          <dt>{t(locale, "summary.id_number")}</dt>
          <dd>{p.summary.idNumber ?? "—"}</dd>
        </dl>
      )}
      {!verified && <p>{t(locale, "result.failed.next")}</p>}
      {p.returnUrl && (
        <>
          {/* Inside the step so an htmx swap carries it too: inserting a refresh meta starts its timer. */}
          <meta http-equiv="refresh" content={`3;url=${p.returnUrl}`} />
          <p role="status">{t(locale, "result.redirecting", { partner: p.partnerName })}</p>
          <p>
            <a class="button" href={p.returnUrl} data-return>
              {t(locale, "result.back", { partner: p.partnerName })}
            </a>
          </p>
        </>
      )}
    </>
  );
}

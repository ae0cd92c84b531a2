// Step 4, the result: success with the masked identity, or the specific reason it failed; then
// back to the partner when it gave a redirect_url.
import { raw } from "hono/html";
import { reasonText } from "../components/form-errors";
import { isMessageKey, type MessageKey, t } from "../messages";
import type { StepView } from "./model";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";

export const RETURN_AFTER_SECONDS = 5;

// The automatic return is a time limit (WCAG 2.2.1), so it can be turned off before it fires:
// a script starts it and offers "stay on this page" (a timed <meta refresh> could not be stopped).
// Without JavaScript there is no timer, only the link. Inline and small: it runs after an htmx swap too.
// The script itself: views/scripts/return-to-partner.js, minified into the page at build.
const RETURN_SCRIPT = INLINE_SCRIPTS["return-to-partner"];

type Props = Extract<StepView, { kind: "result" }>;

/** The first sentence of a reason (what happened), without its advice to try again, which no longer applies. */
function fact(text: string): string {
  const end = text.search(/[，。]|\. /);
  if (end < 0) return text;
  return text[end] === "，" ? `${text.slice(0, end)}。` : text.slice(0, end + 1);
}

function Failed({ locale, reason, attemptsUsed }: { locale: Props["locale"]; reason: string | undefined; attemptsUsed: boolean | undefined }) {
  return (
    <div class="alert" role="alert" data-reason={reason}>
      {attemptsUsed && <p>{t(locale, "reason.attempts_exhausted")}</p>}
      {reason && <p>{attemptsUsed ? t(locale, "result.failed.last", { reason: fact(reasonText(locale, reason)) }) : reasonText(locale, reason)}</p>}
      <p>{t(locale, "result.failed.next")}</p>
    </div>
  );
}

export function ResultStep(p: Props) {
  const { locale } = p;
  const verified = p.status === "verified";
  const org = p.summary?.organization;
  return (
    <>
      <h1 id="step-title" data-status={p.status}>
        {t(locale, verified ? "result.verified.heading" : "result.failed.heading")}
      </h1>
      {verified ? (
        <p class="success">{org ? t(locale, "result.verified.body.organization", { organization: org.name }) : t(locale, "result.verified.body")}</p>
      ) : (
        <Failed locale={locale} reason={p.reason} attemptsUsed={p.attemptsUsed} />
      )}
      {p.summary && (
        <dl class="summary">
          {p.summary.organization && (
            <>
              <dt>{t(locale, "field.org_name")}</dt>
              <dd>{p.summary.organization.name}</dd>
              <dt>{t(locale, "field.credential_code")}</dt>
              <dd>{p.summary.organization.credentialCode}</dd>
              {p.summary.organization.operatorRole && (
                <>
                  <dt>{t(locale, "summary.operator")}</dt>
                  <dd>{t(locale, `role.${p.summary.organization.operatorRole}`)}</dd>
                </>
              )}
            </>
          )}
          {org?.legalRepName && (
            <>
              <dt>{t(locale, "summary.legal_rep")}</dt>
              <dd>{org.legalRepName}</dd>
            </>
          )}
          {/* An operator proven by the legal representative's signature has no identity of their own here: no row of dashes. */}
          {(p.summary.name || !org) && (
            <>
              <dt>{t(locale, org ? "summary.operator_name" : "summary.name")}</dt>
              <dd>{p.summary.name ?? "—"}</dd>
              <dt>{t(locale, org ? "summary.operator_id_number" : "summary.id_number")}</dt>
              <dd>{p.summary.idNumber ?? "—"}</dd>
            </>
          )}
          {p.summary.method && (
            <>
              <dt>{t(locale, "reuse.method")}</dt>
              <dd>{isMessageKey(`method.${p.summary.method}.title`) ? t(locale, `method.${p.summary.method}.title` as MessageKey) : p.summary.method}</dd>
            </>
          )}
          {p.summary.verifiedAt && (
            <>
              <dt>{t(locale, "summary.verified_at")}</dt>
              <dd>{p.summary.verifiedAt}</dd>
            </>
          )}
        </dl>
      )}
      {p.returnUrl && (
        <>
          <p
            role="status"
            id="return-status"
            data-text={t(locale, p.returnTo === "invitation" ? "result.redirecting_invitation" : p.returnTo === "parent" ? "result.redirecting_parent" : "result.redirecting", {
              partner: p.partnerName,
              seconds: String(RETURN_AFTER_SECONDS),
            })}
          ></p>
          <p class="row">
            <a class="button" href={p.returnUrl} data-return>
              {p.returnTo === "invitation" ? t(locale, "result.return_invitation") : p.returnTo === "parent" ? t(locale, "result.back_parent") : t(locale, "result.back", { partner: p.partnerName })}
            </a>
            <button type="button" class="secondary" id="return-stay" data-stopped={t(locale, "result.stayed")} hidden>
              {t(locale, "result.stay")}
            </button>
          </p>
          {/* Only a success goes back by itself: after a failure the person takes their time. */}
          {verified && <script>{raw(RETURN_SCRIPT)}</script>}
        </>
      )}
    </>
  );
}

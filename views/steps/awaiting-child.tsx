// A step that waits on another verification: a person verification the method is made of (the
// legal representative's own, a person on a roster). It links there and follows it on reload.
import { isMessageKey, t } from "../messages";
import type { StepView } from "./model";
import { StepForm } from "../components/step-form";
import { BackToOrgCheck } from "./organization-links";

type Props = Extract<StepView, { kind: "awaiting_child" }>;

export function AwaitingChildStep(p: Props) {
  const { locale } = p;
  const roleKey = `role.${p.role}`;
  // The child ended without passing (its own tries used up, or it expired): another may be started.
  const ended = p.child !== null && p.child.status !== "pending" && p.child.status !== "in_progress" && p.child.status !== "verified";
  return (
    <>
      <h1 id="step-title">{t(locale, "child.heading")}</h1>
      <p>{t(locale, "child.body", { role: isMessageKey(roleKey) ? t(locale, roleKey) : p.role })}</p>
      {p.child && ended ? (
        <>
          <div class="alert" role="alert" data-child-status={p.child.status}>
            <p>{t(locale, "child.failed")}</p>
            <p>{t(locale, "form.attempts_left", { n: String(p.attemptsLeft) })}</p>
          </div>
          <StepForm action={`/v/${p.verificationId}/child/restart`}>
            <button type="submit">{t(locale, "child.restart")}</button>
          </StepForm>
        </>
      ) : (
        p.child && (
          <>
            <p>
              <a class="button" href={p.child.url} data-child-status={p.child.status}>
                {t(locale, "child.open")}
              </a>
            </p>
            <p class="hint">{t(locale, "child.reload")}</p>
          </>
        )
      )}
      {p.canChangeMethod && (
        <p>
          <a href={`/v/${p.verificationId}?choose=1`}>{t(locale, "form.change_method")}</a>
        </p>
      )}
      {/* Another person acts after all (an organization's): back to who is acting. */}
      {p.role === "legal_representative" && <BackToOrgCheck locale={locale} verificationId={p.verificationId} to="operator_role" />}
    </>
  );
}

// A step that waits on another verification: a person verification the method is made of (the
// legal representative's own, a person on a roster). It links there and follows it on reload.
import { isMessageKey, t } from "../messages";
import type { StepView } from "./model";

type Props = Extract<StepView, { kind: "awaiting_child" }>;

export function AwaitingChildStep(p: Props) {
  const { locale } = p;
  const roleKey = `role.${p.role}`;
  return (
    <>
      <h1 id="step-title">{t(locale, "child.heading")}</h1>
      <p>{t(locale, "child.body", { role: isMessageKey(roleKey) ? t(locale, roleKey) : p.role })}</p>
      {p.child && (
        <p>
          <a class="button" href={p.child.url} data-child-status={p.child.status}>
            {t(locale, "child.open")}
          </a>
        </p>
      )}
      <p class="hint">{t(locale, "child.reload")}</p>
    </>
  );
}

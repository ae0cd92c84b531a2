// Step 2, choose a method (选择认证方式): only what the partner allowed, each with what it needs.
import { StepForm } from "../components/step-form";
import { isMessageKey, t } from "../messages";
import type { StepView } from "./model";
import { BackToOrgCheck } from "./organization-links";

type Props = Extract<StepView, { kind: "choose_method" }>;

export function ChooseMethodStep(p: Props) {
  const { locale } = p;
  return (
    <>
      <h1 id="step-title">{t(locale, "choose.heading")}</h1>
      <p>{p.forLegalRep ? t(locale, "choose.intro.legal_rep", { name: p.forLegalRep }) : t(locale, p.operatorRole ? "choose.intro.organization" : "choose.intro")}</p>
      <StepForm action={`/v/${p.verificationId}/method`}>
        <ul class="methods">
          {p.methods.map((m, i) => {
            const title = `method.${m}.title`;
            const need = `method.${m}.need`;
            return (
              <li>
                <button type="submit" name="method" value={m} aria-describedby={`need-${m}`} autofocus={i === 0}>
                  <span>{isMessageKey(title) ? t(locale, title) : m}</span>
                  <span class="need" id={`need-${m}`}>
                    {isMessageKey(need) ? t(locale, need) : ""}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </StepForm>
      {p.operatorRole && (
        <>
          <p class="hint" data-operator-role={p.operatorRole}>
            {t(locale, "operator_role.acting_as", { role: t(locale, `role.${p.operatorRole}`) })}
          </p>
          <BackToOrgCheck locale={locale} verificationId={p.verificationId} to="operator_role" />
        </>
      )}
    </>
  );
}

// Who is acting for the organization (法人本人 / 经办人), after the organization check passed: the
// organization as checked, then one choice per role with what it leads to. A role with no method
// the partner allowed (and that runs here) is shown, disabled, with why.
import { errorText } from "../components/form-errors";
import { StepForm } from "../components/step-form";
import { t } from "../messages";
import type { StepView } from "./model";
import { BackToOrgCheck } from "./organization-links";

type Props = Extract<StepView, { kind: "operator_role" }>;

export function OperatorRoleStep(p: Props) {
  const { locale } = p;
  const error = p.errors.role ? errorText(locale, "role", p.errors.role) : undefined;
  const firstOpen = p.roles.find((r) => r.methods.length > 0)?.role;
  return (
    <>
      <h1 id="step-title">{t(locale, "operator_role.heading")}</h1>
      <div class="success" data-org-checked>
        <p>{t(locale, "operator_role.checked")}</p>
        <dl class="summary">
          <dt>{t(locale, "field.org_name")}</dt>
          <dd>{p.organization.name}</dd>
          <dt>{t(locale, "field.credential_code")}</dt>
          <dd>{p.organization.credentialCode}</dd>
          <dt>{t(locale, "field.legal_rep_name")}</dt>
          <dd>{p.organization.legalRepName}</dd>
        </dl>
      </div>
      <StepForm action={`/v/${p.verificationId}/organization/role`}>
        <fieldset class="field" aria-describedby={error ? "f-role-error" : undefined}>
          <legend class="visually-hidden">{t(locale, "operator_role.heading")}</legend>
          {error && (
            <p class="error" id="f-role-error">
              {error}
            </p>
          )}
          <ul class="methods">
            {p.roles.map(({ role, methods }) => (
              <li>
                <label class="check role" for={`f-role-${role}`}>
                  <input
                    type="radio"
                    id={`f-role-${role}`}
                    name="role"
                    value={role}
                    disabled={methods.length === 0}
                    checked={p.chosen === role || undefined}
                    autofocus={role === firstOpen || undefined}
                    aria-describedby={`need-${role}`}
                  />
                  <span>
                    <strong>{t(locale, `operator_role.${role}`)}</strong>
                    <span class="need" id={`need-${role}`}>
                      {methods.length === 0 ? t(locale, "operator_role.none") : t(locale, `operator_role.${role}.need`)}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit">{t(locale, "operator_role.submit")}</button>
      </StepForm>
      <BackToOrgCheck locale={locale} verificationId={p.verificationId} to="org_check" />
    </>
  );
}

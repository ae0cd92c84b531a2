// The way back inside an organization's own steps: to correct its details, or to say another
// person acts. A form (a move of the flow), styled as a link, so it works without JavaScript.
import { StepForm } from "../components/step-form";
import { type Locale, t } from "../messages";

export function BackToOrgCheck({ locale, verificationId, to }: { locale: Locale; verificationId: string; to: "org_check" | "operator_role" }) {
  return (
    <StepForm action={`/v/${verificationId}/organization/back`}>
      <button type="submit" name="to" value={to} class="link">
        {t(locale, to === "org_check" ? "operator_role.edit_org" : "operator_role.change")}
      </button>
    </StepForm>
  );
}

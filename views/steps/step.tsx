// The step container htmx swaps, and the full hosted page around it. The same component renders
// both, so a fragment and a full page can never disagree.
import { Progress } from "../components/progress";
import { raw } from "hono/html";
import { INLINE_SCRIPTS } from "../inline-scripts.generated";
import { Layout } from "../layout";
import { isMessageKey, t } from "../messages";
import { AuthorizeStep } from "./authorize";
import { AwaitingChildStep } from "./awaiting-child";
import { ChooseMethodStep } from "./choose-method";
import { CodeStep } from "./code";
import { ContinueOnPhoneStep } from "./continue-on-phone";
import { IdPhotosStep } from "./id-photos";
import { InvitationStep } from "./invitation";
import { LicencePhoneStep } from "./licence-phone";
import { MethodFormStep } from "./method-form";
import { OperatorRoleStep } from "./operator-role";
import { STEP_ID, type StepView } from "./model";
import { ResultStep } from "./result";
import { ReuseStep } from "./reuse";
import { ReviewPendingStep } from "./review-pending";
import { CorporateAccountStep } from "./corporate-account";
import { TransferConfirmationStep } from "./transfer-confirmation";

function Body({ step }: { step: StepView }) {
  switch (step.kind) {
    case "authorize":
      return <AuthorizeStep {...step} />;
    case "reuse":
      return <ReuseStep {...step} />;
    case "choose_method":
      return <ChooseMethodStep {...step} />;
    case "method_form":
      return <MethodFormStep {...step} />;
    case "operator_role":
      return <OperatorRoleStep {...step} />;
    case "code":
      return <CodeStep {...step} />;
    case "continue_on_phone":
      return <ContinueOnPhoneStep {...step} />;
    case "id_photos":
      return <IdPhotosStep {...step} />;
    case "awaiting_child":
      return <AwaitingChildStep {...step} />;
    case "result":
      return <ResultStep {...step} />;
    case "review_pending":
      return <ReviewPendingStep {...step} />;
    case "licence_phone":
      return <LicencePhoneStep {...step} />;
    case "invitation":
      return <InvitationStep {...step} />;
    case "corporate_account":
      return <CorporateAccountStep {...step} />;
    case "transfer_confirmation":
      return <TransferConfirmationStep {...step} />;
  }
}

export function Step({ step }: { step: StepView }) {
  return (
    <section class="card" id={STEP_ID} aria-labelledby="step-title" data-step={("stepName" in step && step.stepName) || step.kind}>
      <Progress locale={step.locale} progress={step.progress} />
      <Body step={step} />
    </section>
  );
}

export function stepTitle(step: StepView): string {
  const key = {
    authorize: "authorize.heading",
    reuse: "reuse.heading",
    choose_method: "choose.heading",
    method_form: `method.${"method" in step ? step.method : ""}.title`,
    operator_role: "operator_role.heading",
    code: "code.heading",
    continue_on_phone: "phone.heading",
    id_photos: "photos.heading",
    awaiting_child: "child.heading",
    review_pending: "review_pending.heading",
    licence_phone: "licence_phone.heading",
    invitation: "invitation.heading",
    corporate_account: "transfer.account.heading",
    transfer_confirmation: step.kind === "transfer_confirmation" && step.direction === "reverse" ? "transfer.reverse.heading" : "transfer.confirm.heading",
    result: step.kind === "result" && step.status === "verified" ? "result.verified.heading" : "result.failed.heading",
  }[step.kind];
  return isMessageKey(key) ? t(step.locale, key) : t(step.locale, "app.name");
}

export function HostedPage({ step }: { step: StepView }) {
  return (
    <Layout locale={step.locale} title={stepTitle(step)}>
      <Step step={step} />
      <script>{raw(INLINE_SCRIPTS["name-step"])}</script>
    </Layout>
  );
}

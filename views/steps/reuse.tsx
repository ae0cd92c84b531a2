// The applicant already holds a verification: show it masked and ask before sharing it.
import { StepForm } from "../components/step-form";
import { isMessageKey, t } from "../messages";
import type { StepView } from "./model";

type Props = Extract<StepView, { kind: "reuse" }>;

export function ReuseStep(p: Props) {
  const { locale } = p;
  const methodKey = `method.${p.previous.method}.title`;
  return (
    <>
      <h1 id="step-title">{t(locale, "reuse.heading")}</h1>
      <p>{t(locale, "reuse.intro", { date: p.previous.verifiedAt, partner: p.partnerName })}</p>
      <dl class="summary">
        <dt>{t(locale, "summary.name")}</dt>
        <dd>{p.previous.name ?? "—"}</dd>
        <dt>{t(locale, "summary.id_number")}</dt>
        <dd>{p.previous.idNumber ?? "—"}</dd>
        <dt>{t(locale, "reuse.method")}</dt>
        <dd>{isMessageKey(methodKey) ? t(locale, methodKey) : p.previous.method}</dd>
      </dl>
      <StepForm action={`/v/${p.verificationId}/reuse`}>
        <div class="row">
          <button type="submit" name="choice" value="share" autofocus>
            {t(locale, "reuse.share")}
          </button>
          <button type="submit" name="choice" value="new" class="secondary">
            {t(locale, "reuse.new")}
          </button>
        </div>
      </StepForm>
    </>
  );
}

// What a person sees when a post could not be read as a form: not a form, cut short, or larger
// than the page takes. A section with the step's id, so htmx swaps it where the step was; the
// full page wraps the same section. Never echoes what was sent.
import { Layout } from "../layout";
import { type Locale, t } from "../messages";
import { STEP_ID } from "../steps/model";

export type FormProblemKind = "unsupported" | "malformed" | "too_large";

export interface FormProblemProps {
  locale: Locale;
  kind: FormProblemKind;
  maxBytes: number;
  backUrl: string;
}

const megabytes = (bytes: number) => String(Math.floor(bytes / (1024 * 1024)) || 1);

export const formProblemText = ({ locale, kind, maxBytes }: FormProblemProps) => t(locale, `page.form_problem.${kind}`, { max: megabytes(maxBytes) });

export function FormProblem(props: FormProblemProps) {
  return (
    <section class="card" id={STEP_ID} aria-labelledby="form-problem-title" data-step="form_problem">
      <h1 id="form-problem-title">{t(props.locale, "page.form_problem.title")}</h1>
      <p class="alert" role="alert" data-problem={props.kind}>
        {formProblemText(props)}
      </p>
      <p>
        <a class="button secondary" href={props.backUrl}>
          {t(props.locale, "page.form_problem.back")}
        </a>
      </p>
    </section>
  );
}

export function FormProblemPage(props: FormProblemProps) {
  return (
    <Layout locale={props.locale} title={t(props.locale, "page.form_problem.title")} scripts={false}>
      <FormProblem {...props} />
    </Layout>
  );
}

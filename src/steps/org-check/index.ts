import type { PreambleStep } from "../../domain/flow/state";
import { orgCheckVerdict } from "../../domain/organization/registry-policy";
import { callEvidence, findingOf } from "../../providers/business-registry/finding";
import type { ApplicantRow, ApplicantSession } from "../../flow/applicant";
import { recordConsent } from "../../flow/consent";
import type { FlowContext } from "../../flow/context";
import type { ActionOutcome, StepModule } from "../../flow/steps";
import { ORG_CHECK_STEP, preambleOf } from "../../flow/types";
import { type DesktopHandoff, desktopHandoff } from "../../flow/handoff";
import { beginChange, evidence, move, set, write } from "../../flow/writer";
import { addMessages } from "../../../views/messages";
import { messages } from "./messages";
import { checked, readTyped } from "./typed";
import { submitLicence } from "./licence";
import { LICENCE_PURPOSE, offerPhone, refreshLicenceHandoff, sealedInput, waitsForPhone } from "./licence-phone";
import { licenceChannel } from "./phone-pages";
import { LICENCE_PATH, LICENCE_PHONE_PATH, licencePhoneView, ORG_CHECK_PATH, orgCheckView, reviewPendingView, withLicence, withOrgReason, withReviewRejected } from "./view";

addMessages(messages);

/** Whether the organization check can be (re)submitted from where the flow stands: not while a person reviews its licence. */
function submittable(row: ApplicantRow): boolean {
  const at = row.state;
  return at.kind === "start" || (at.kind === "preamble" && at.step === ORG_CHECK_STEP && !at.data?.review_id);
}

async function submit(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession, form: FormData): Promise<ActionOutcome> {
  if (row.type !== "organization" || !submittable(row)) return { kind: "stale" };
  const { input, errors, view } = await readTyped(ctx, row, form);
  if (!input) return { kind: "render", view: { ...view(row), errors }, status: 422 };

  const ch = beginChange(ctx.db, row, ctx.now);
  await recordConsent(ctx, ch, session.applicantId, "method_processing", "org_check");
  if (row.state.kind === "start" && move(ch, { type: "prepare", plan: preambleOf(row.type), step: ORG_CHECK_STEP }, { actor: "applicant" })) return { kind: "stale" };
  // A new check answers for itself: a rejected licence's reason is not shown again over it, nor
  // the QR code of a licence that was to come from the phone.
  if (row.state.kind === "preamble" && (row.state.data?.review_rejected || row.state.data?.licence_via)) {
    move(ch, { type: "step_data", step: ORG_CHECK_STEP, data: { review_rejected: "", licence_via: "" } }, { actor: "applicant", label: "organization.check_again" });
  }

  const answer = await ctx.providers.businessRegistry.check({
    name: input.org_name,
    credentialCode: input.credential_code,
    legalRepName: input.legal_rep_name,
    legalRepIdNumber: input.legal_rep_id_number,
  });
  evidence(ch, [{ type: "provider.call", actor: "system", data: callEvidence(answer) }]);
  const verdict = orgCheckVerdict(findingOf(answer));
  if (answer.outcome === "match") set(ch, { orgRegistryStatus: answer.registryStatus });
  switch (verdict.kind) {
    case "refused": {
      const written = await write(ctx, ch);
      if (!written.ok) return { kind: "stale" };
      return { kind: "render", view: withOrgReason(view(written.row), verdict.reason), status: 422 };
    }
    case "rejected": {
      if (move(ch, { type: "attempt_failed", reason: verdict.reason }, { actor: "system" })) return { kind: "stale" };
      const written = await write(ctx, ch);
      if (!written.ok) return { kind: "stale" };
      if (written.row.status === "failed") return { kind: "moved", row: written.row };
      return { kind: "render", view: withOrgReason(view(written.row), verdict.reason), status: 422 };
    }
    case "ended": {
      set(ch, await checked(ctx, input));
      if (move(ch, { type: "fail", reason: verdict.reason }, { actor: "system" })) return { kind: "stale" };
      const written = await write(ctx, ch);
      return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
    }
    case "passed": {
      set(ch, { ...(await checked(ctx, input)), orgCheckedAt: ctx.now });
      const elements = answer.outcome === "match" ? answer.elements : 3;
      if (move(ch, { type: "step_passed", step: ORG_CHECK_STEP }, { actor: "system", label: "organization.checked", data: { elements, registry_status: "active" } })) return { kind: "stale" };
      const written = await write(ctx, ch);
      return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
    }
  }
}

interface OrgCheckFacts {
  idRequired: boolean;
  /** While the licence is to come from the phone: its handoff, and the fields kept for it (shown again by 改为在电脑上上传, ?edit=1). */
  phone: { shown: DesktopHandoff | null; typed: Record<string, string> } | null;
}

export const orgCheckStep: StepModule<OrgCheckFacts, PreambleStep> = {
  kind: ORG_CHECK_STEP,
  read: async (ctx, row) => {
    const idRequired = ctx.providers.businessRegistryNeedsLegalRepId;
    if (!waitsForPhone(row)) return { idRequired, phone: null };
    const [shown, input] = await Promise.all([desktopHandoff(ctx, row, LICENCE_PURPOSE), sealedInput(ctx, row)]);
    // What was typed comes back into the form as a failed check brings it back: nothing is typed twice.
    const typed = Object.fromEntries(Object.entries(input ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"));
    return { idRequired, phone: { shown, typed } };
  },
  view: (row, args, { idRequired, phone }) => {
    // A business licence with a person: wait for the decision; a rejected one: the form, saying why.
    const data = args.at.data;
    if (data?.review_id) return reviewPendingView(row);
    if (phone && !args.edit) return licencePhoneView(row, phone.shown);
    if (phone) return withLicence(orgCheckView(row, idRequired, phone.typed));
    const form = orgCheckView(row, idRequired);
    return data?.review_rejected ? withReviewRejected(form, data.review_rejected) : form;
  },
  actions: [
    { path: ORG_CHECK_PATH, handle: (ctx, row, session, form) => submit(ctx, row, session, form) },
    { path: LICENCE_PATH, handle: (ctx, row, session, form) => submitLicence(ctx, row, session, form) },
    { path: LICENCE_PHONE_PATH, handle: (ctx, row, session, form) => offerPhone(ctx, row, session, form) },
    // The QR code's 刷新二维码, as the other phone steps name it; the dispatcher asks the current step first.
    { path: "handoff/refresh", handle: (ctx, row) => refreshLicenceHandoff(ctx, row) },
  ],
  phone: [licenceChannel],
};

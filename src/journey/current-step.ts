// Which screen the applicant sees: a read of the flow and their session alone, so a reload, a
// second tab or a plain GET after a POST always lands on the same screen. It writes nothing to
// D1: a step reads its facts (its Durable Object, where a short-lived QR link token may be
// refreshed, see flow/handoff.ts desktopHandoff) and its view is a pure function of them.
import { INVITATION_PATH } from "../flow/invitation";
import { beijingMinute } from "../domain/clock";
import type { VerificationRow } from "../db/verifications";
import { iso } from "../domain/clock";
import { currentMethodStep, currentPreambleStep, type PreambleStep } from "../domain/flow/state";
import { isOperatorRole } from "../domain/organization/roles";
import { preambleOf } from "../flow/types";
import { offeredMethods } from "./offered";
import { MAX_FAILED_ATTEMPTS } from "../domain/flow/transition";
import { effectiveStatus } from "../domain/verification/status";
import { type ApplicantRow, type ApplicantSession, localeOf } from "../flow/applicant";
import type { FlowContext } from "../flow/context";
import { hostedMethod } from "../flow/methods";
import { pendingOf } from "../flow/pending";
import { findStep, showStep, type StepNotice } from "../flow/steps";
import { methodFormView } from "../steps/form/view";
import { resultTokenFor } from "../tokens/result-token";
import type { StepBase, StepView } from "../../views/steps/model";
import { methodOfState, organizationProgressOf, progressOf } from "./progress";
import { returnUrl } from "./return-url";
import { reusableVerification } from "./reuse";

export interface StepFlags {
  /** `?choose=1`: the method list, wherever the flow stands. */
  choose?: boolean;
  /** `?edit=1`: back to the method's form with what was typed. */
  edit?: boolean;
  /** Reuse candidates already read with the write that led here (sign-in), to save a round trip. */
  reusable?: VerificationRow[];
  /** What the step just entered told the page (a code that could not be sent). */
  notice?: StepNotice;
}

export function stepBase(row: ApplicantRow): StepBase {
  return { locale: localeOf(row), verificationId: row.id, partnerName: row.partnerName };
}

export async function currentStep(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession | null, flags: StepFlags = {}): Promise<StepView> {
  return withProgress(row, await screen(ctx, row, session, flags));
}

/** The step list beside a method's screens (and its result), from the method's plan. */
export function withProgress(row: ApplicantRow, view: StepView): StepView {
  if (row.type === "organization" && view.kind !== "authorize") return { ...view, progress: organizationProgress(row, view) };
  const method = "method" in view && typeof view.method === "string" ? view.method : methodOfState(row.state);
  if (!method || view.kind === "authorize" || view.kind === "choose_method" || view.kind === "reuse") return view;
  const at = view.kind === "result" ? "result" : view.kind === "method_form" ? "form" : (currentMethodStep(row.state)?.step ?? "form");
  return { ...view, progress: progressOf(method, row.options, at) };
}

function organizationProgress(row: ApplicantRow, view: StepView) {
  const preamble = preambleOf(row.type);
  const at =
    view.kind === "result"
      ? "result"
      : view.kind === "operator_role"
        ? "operator_role"
        : view.kind === "method_form" && view.stepName
          ? view.stepName
          : view.kind === "licence_phone"
            ? "org_check"
            : view.kind === "choose_method"
              ? "method"
              : (currentMethodStep(row.state)?.step ?? "method");
  return organizationProgressOf(preamble, methodOfState(row.state), row.options, at);
}

async function screen(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession | null, flags: StepFlags): Promise<StepView> {
  const base = stepBase(row);
  const status = effectiveStatus(row, ctx.now);
  // Without the applicant's session, only the outcome: the masked identity and the signed token
  // belong to whoever signed in, not to anyone who holds the link.
  if (status === "verified" || status === "failed") return resultStep(row, status, session ? await resultTokenFor(ctx, ctx.origin, row) : null);
  if (!session) return { ...base, kind: "authorize", type: row.type, errors: {} };

  // An organization's own steps come first: from its start, the organization check's form (its
  // submission enters them), then wherever in them the flow stands.
  const preamble = currentPreambleStep(row.state) ?? (row.state.kind === "start" ? startOfPreamble(row) : null);
  if (preamble) {
    const step = findStep(preamble.step);
    // `?edit=1` there: the organization check's form again, from a QR code shown for the licence.
    if (step) return showStep(ctx, step, row, { at: preamble, session, edit: !!flags.edit }, flags.notice);
  }
  const methods = offeredMethods(row);
  const role =
    isOperatorRole(row.operatorRole) && row.type === "organization"
      ? { operatorRole: row.operatorRole }
      : row.options.lock_prefills && row.personNameMasked
        ? { forLegalRep: row.personNameMasked }
        : {};
  const at = currentMethodStep(row.state);
  if (flags.choose) return { ...base, kind: "choose_method", methods, ...role };
  if (at) {
    const step = findStep(at.step);
    if (flags.edit && at.plan.includes("form")) return methodFormView(row, at.method, await pendingOf(ctx.cipher, row, at.method), session);
    if (step) return showStep(ctx, step, row, { at, session, edit: !!flags.edit }, flags.notice);
  }
  if (row.state.kind === "start") {
    const previous = await reusableVerification(ctx, row, session.applicantId, flags.reusable);
    if (previous) {
      return {
        ...base,
        kind: "reuse",
        previous: { name: previous.personNameMasked, idNumber: previous.personIdNumberMasked, method: previous.method ?? "", verifiedAt: iso(previous.completedAt)!.slice(0, 10) },
      };
    }
  }
  // One method only, opening with a form: that form at once (submitting it starts the method).
  const [only] = methods;
  if (methods.length === 1 && only && hostedMethod(only)?.plan(row.options)[0] === "form") return methodFormView(row, only, null, session);
  return { ...base, kind: "choose_method", methods, ...role };
}

/** The first of the verification's own steps, as a position to show (not yet entered). */
function startOfPreamble(row: ApplicantRow): PreambleStep | null {
  const plan = preambleOf(row.type);
  const [first] = plan;
  return first ? { kind: "preamble", step: first, plan } : null;
}

/** `token` is the signed result for the signed-in applicant to carry back; without it, the outcome alone. */
function resultStep(row: ApplicantRow, status: "verified" | "failed", token: string | null): StepView {
  return {
    ...stepBase(row),
    kind: "result",
    status,
    ...(row.failureReason && status === "failed" ? { reason: row.failureReason, attemptsUsed: row.failedAttempts >= MAX_FAILED_ATTEMPTS } : {}),
    ...(status === "verified" && token
      ? {
          summary: {
            name: row.personNameMasked,
            idNumber: row.personIdNumberMasked,
            ...(row.method ? { method: row.method } : {}),
            ...(row.completedAt ? { verifiedAt: beijingMinute(row.completedAt) } : {}),
            ...(row.type === "organization"
              ? {
                  organization: {
                    name: row.orgName ?? "",
                    credentialCode: row.orgCredentialCode ?? "",
                    legalRepName: row.orgLegalRepNameMasked,
                    operatorRole: isOperatorRole(row.operatorRole) ? row.operatorRole : null,
                  },
                }
              : {}),
          },
        }
      : {}),
    // A child (the legal representative's own verification) goes back to the verification it is part of.
    // One done from a legal representative's invitation goes back to the invitation's page, on their phone.
    ...(row.options.invited
      ? { returnUrl: INVITATION_PATH, returnTo: "invitation" as const }
      : row.parentId
        ? { returnUrl: `/v/${row.parentId}`, returnTo: "parent" as const }
        : row.redirectUrl
          ? { returnUrl: returnUrl(row.redirectUrl, { id: row.id, status }, token ? { token } : {})! }
          : {}),
  };
}

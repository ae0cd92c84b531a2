// Hosted pages for applicants: /v/{verification id}. Every POST works as a plain form (success
// answers 303 back to the step page) and under htmx (the response is the next step's fragment,
// one request per action). Sign-in, the method choice and reuse are the journey's own; every
// step's actions go through one dispatcher that asks the registered steps (src/steps).
import { type Context, Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import type { FlowContext } from "../flow/context";
import { getVerificationForApplicant } from "../db/verifications";
import { effectiveStatus, isOpen } from "../domain/verification/status";
import { type ApplicantRow, localeOf } from "../flow/applicant";
import { handoffStub, triesLeft } from "../flow/handoff";
import { allSteps, type ActionOutcome, type StepAction } from "../flow/steps";
import { authorizeApplicant, sendAuthorizationCode, signInCodeShown } from "../journey/authorize";
import { answerReuse, chooseMethod } from "../journey/choose";
import { currentStep, stepBase, type StepFlags, withProgress } from "../journey/current-step";
import { currentMethodStep, currentPreambleStep } from "../domain/flow/state";
import { HandoffStatus } from "../../views/steps/continue-on-phone";
import { InvitationStatus, pageChanges } from "../../views/steps/invitation";
import { invitationStub } from "../flow/invitation";
import { authorizationStatus } from "../domain/authorization/record";
import { TestMode } from "../../views/components/test-mode";
import { UnavailablePage } from "../../views/pages/unavailable";
import type { StepView } from "../../views/steps/model";
import { HostedPage, Step } from "../../views/steps/step";
import { readApplicantSession, startApplicantSession } from "./applicant-session";
import { flowContext } from "./flow-context";
import { FORM_CAP, readForm } from "./form-body";
import { forgetSignInPhone, keepSignInPhone, readSignInPhone } from "./sign-in-draft";
import { isTransferMethod } from "../domain/transfer/record";
import { t } from "../../views/messages";
import { stampedLetterPdf } from "../transfer/letter-pdf";
import { wantsFragment } from "./htmx";
import "../steps";

export const hosted = new Hono<AppEnv>();

const ID = /^ver_[0-9A-Za-z]{24}$/;

type Loaded = { row: ApplicantRow; response?: undefined } | { row?: undefined; response: Response };

async function load(c: Context<AppEnv>): Promise<Loaded> {
  const id = c.req.param("id") ?? "";
  const row = ID.test(id) ? await getVerificationForApplicant(c.var.db, id) : undefined;
  if (!row) {
    const locale = /^en\b/i.test(c.req.header("accept-language") ?? "") ? "en" : "zh-CN";
    return { response: await c.html(<UnavailablePage locale={locale} reason="not_found" />, 404) };
  }
  // Every page of a test-mode verification says so (views/components/test-mode.tsx).
  c.set("testMode", !row.livemode);
  const status = effectiveStatus(row, c.var.now);
  if (status === "expired" || status === "canceled") {
    const gone = <UnavailablePage locale={localeOf(row)} reason={status} backUrl={row.redirectUrl} />;
    return { response: await c.html(<TestMode on={!row.livemode}>{gone}</TestMode>, 410) };
  }
  return { row };
}

function render(c: Context<AppEnv>, step: StepView, status: 200 | 422 = 200) {
  c.header("Cache-Control", "no-store");
  // A fragment swaps the step only: the banner stays where the full page put it.
  if (wantsFragment(c)) return c.html(<Step step={step} />, status);
  const page = <HostedPage step={step} />;
  return c.html(<TestMode on={c.var.testMode === true}>{page}</TestMode>, status);
}

/** The applicant's session, if it is for this verification and its signed-in account. */
async function sessionFor(c: Context<AppEnv>, row: ApplicantRow) {
  // A child verification (the legal representative's own) is done in the parent's session: the
  // account that signed in there owns the child from its creation, so no second sign-in.
  const session = (await readApplicantSession(c, row.id)) ?? (row.parentId ? await readApplicantSession(c, row.parentId) : null);
  return session && session.applicantId === row.applicantId ? { ...session, verificationId: row.id } : null;
}

/**
 * A step reached by an action, swapped in by htmx: it gets a history entry of its own, so the
 * browser's Back returns to the step before (a GET of `?step=` shows it again where it can be
 * gone back to), as a plain form's redirect does without JavaScript.
 */
function renderMoved(c: Context<AppEnv>, row: ApplicantRow, step: StepView, status: 200 | 422 = 200) {
  if (wantsFragment(c)) c.header("HX-Push-Url", `/v/${row.id}?step=${step.kind}`);
  return render(c, step, status);
}

/** After an action: a plain form goes back to the step page (PRG); htmx gets the step now. */
async function done(c: Context<AppEnv>, row: ApplicantRow, flags: StepFlags = {}) {
  if (!wantsFragment(c)) return c.redirect(`/v/${row.id}`, 303);
  return renderMoved(c, row, await currentStep(flowContext(c, row.livemode), row, await sessionFor(c, row), flags));
}

/** Where the flow stands now, read again: another tab or device moved it first. */
async function doneFresh(c: Context<AppEnv>, id: string) {
  const row = await getVerificationForApplicant(c.var.db, id);
  return row ? done(c, row) : c.redirect(`/v/${id}`, 303);
}

/** The posted form, or the answer to a body that is not one (src/routes/form-body.tsx). */
function form(c: Context<AppEnv>, row: ApplicantRow, maxBytes: number = FORM_CAP.text) {
  return readForm(c, { locale: localeOf(row), maxBytes, backUrl: `/v/${row.id}` });
}

const text = (f: FormData, name: string) => {
  const v = f.get(name);
  return typeof v === "string" ? v : "";
};

hosted.get("/:id", async (c) => {
  const { row, response } = await load(c);
  if (!row) return response;
  // A child shown in its parent's place (legal_rep_quick's face) is seen there while it runs.
  if (row.options.embedded && row.parentId && isOpen(row.status)) return c.redirect(`/v/${row.parentId}`, 303);
  // `?step=` is a history entry coming back (Back): the form and the method list can be returned to.
  const back = c.req.query("step");
  const flags: StepFlags = { choose: c.req.query("choose") === "1" || back === "choose_method", edit: c.req.query("edit") === "1" || back === "method_form" };
  const ctx = flowContext(c, row.livemode);
  return render(c, await withSignInDraft(c, ctx, row, await currentStep(ctx, row, await sessionFor(c, row), flags)));
});

/** A reload after 获取验证码 shows the phone again, the notice while that code is live, and the countdown to the next. */
async function withSignInDraft(c: Context<AppEnv>, ctx: FlowContext, row: ApplicantRow, step: StepView): Promise<StepView> {
  if (step.kind !== "authorize") return step;
  const phone = await readSignInPhone(c, row.id);
  if (!phone) return step;
  return { ...step, phone, ...(await signInCodeShown(ctx, row, phone)) };
}

hosted.post("/:id/authorize", async (c) => {
  const { row, response } = await load(c);
  if (!row) return response;
  const ctx = flowContext(c, row.livemode);
  const read = await form(c, row);
  if (!read.ok) return read.response;
  const f = read.form;
  // What was typed and ticked comes back with any error: a failed try never unticks the consent.
  const base = { ...stepBase(row), kind: "authorize" as const, type: row.type, phone: text(f, "phone"), consent: text(f, "consent") === "yes" };
  if (!isOpen(row.status)) return done(c, row);
  if (text(f, "action") === "send_code") {
    const sent = await sendAuthorizationCode(ctx, row, text(f, "phone"));
    if (!sent.ok) {
      if (sent.phone) await keepSignInPhone(c, row.id, sent.phone);
      return render(c, { ...base, ...sent.shown, errors: sent.errors }, 422);
    }
    await keepSignInPhone(c, row.id, sent.phone);
    return render(c, { ...base, phone: sent.phone, ...sent.shown, errors: {} });
  }
  const result = await authorizeApplicant(ctx, row, { phone: text(f, "phone"), code: text(f, "code"), consent: text(f, "consent") === "yes" });
  if (!result.ok) {
    const shown = await signInCodeShown(ctx, row, text(f, "phone"));
    return render(c, { ...base, ...shown, errors: result.errors, ...(result.triesLeft !== undefined ? { triesLeft: result.triesLeft } : {}) }, 422);
  }
  // The proven phone rides in the session (sealed), for the method form to offer it again.
  const session = { verificationId: row.id, applicantId: result.applicantId, signedInAt: ctx.now, phone: result.phone };
  await startApplicantSession(c, session, row.expiresAt);
  forgetSignInPhone(c);
  if (!wantsFragment(c)) return c.redirect(`/v/${row.id}`, 303);
  const next = { ...result.row, partnerName: row.partnerName };
  return renderMoved(c, next, await currentStep(ctx, next, session, { reusable: result.reusable }));
});

/** The remaining actions need the applicant signed in for this verification. */
async function withSession(c: Context<AppEnv>) {
  const { row, response } = await load(c);
  if (!row) return { response };
  const session = await sessionFor(c, row);
  if (!session || !isOpen(row.status)) return { response: await done(c, row) };
  return { row, session, ctx: flowContext(c, row.livemode) };
}

hosted.post("/:id/reuse", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const read = await form(c, s.row);
  if (!read.ok) return read.response;
  const result = await answerReuse(s.ctx, s.row, s.session, text(read.form, "choice"));
  return result.ok ? done(c, result.row) : doneFresh(c, s.row.id);
});

hosted.post("/:id/method", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const read = await form(c, s.row);
  if (!read.ok) return read.response;
  const result = await chooseMethod(s.ctx, s.row, s.session, text(read.form, "method"));
  return done(c, result.ok ? result.row : s.row);
});

/** A corporate transfer's letter to print, sign and seal: made for the signed-in operator while the transfer runs. */
hosted.get("/:id/transfer/letter.pdf", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  if (!isTransferMethod(s.row.method)) return c.notFound();
  const made = await stampedLetterPdf(s.ctx, s.row);
  if (!made.ok) return c.text(t(localeOf(s.row), "transfer.letter.unavailable"), 503);
  return new Response(made.pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="authorization-letter-${s.row.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});

/** The desktop's live channel to its handoff: a WebSocket, passed through to the Durable Object. */
hosted.get("/:id/handoff/live", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  if (!s.row.handoffId || c.req.header("upgrade")?.toLowerCase() !== "websocket") return c.text("expected a WebSocket upgrade", 426);
  return handoffStub(s.ctx, s.row.handoffId).fetch(c.req.raw);
});

/** The fallback for browsers without WebSocket: htmx polls this fragment every 3 s. */
hosted.get("/:id/handoff/status", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const record = s.row.handoffId ? await handoffStub(s.ctx, s.row.handoffId).get() : null;
  const state = record?.state ?? "expired";
  c.header("Cache-Control", "no-store");
  if (state === "verified" || state === "failed" || state === "expired") c.header("HX-Refresh", "true");
  return c.html(
    <HandoffStatus
      locale={localeOf(s.row)}
      verificationId={s.row.id}
      state={state}
      lastFailure={record?.lastFailure}
      failures={record?.failures}
      purpose={record?.purpose}
      attemptsLeft={triesLeft(s.row)}
      polling
    />,
  );
});

/** The operator's live channel to the invitation: a WebSocket, passed through to its Durable Object. */
hosted.get("/:id/invitation/live", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const id = s.row.authorization?.invitationId;
  if (!id || c.req.header("upgrade")?.toLowerCase() !== "websocket") return c.text("expected a WebSocket upgrade", 426);
  return invitationStub(s.ctx, id).fetch(c.req.raw);
});

/** The fallback for browsers without WebSocket: the status fragment, polled; a change of page reloads it. */
hosted.get("/:id/invitation/status", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const status = authorizationStatus(s.row.state, s.row.authorization, s.ctx.now) ?? "expired";
  c.header("Cache-Control", "no-store");
  if (pageChanges(c.req.query("shown") ?? status, status)) c.header("HX-Refresh", "true");
  return c.html(<InvitationStatus locale={localeOf(s.row)} verificationId={s.row.id} status={status} polling />);
});

/** A step action's path pattern (`methods/:method/code`) against the posted path, with its parameters. */
function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

/** The action for a path: the current step's own first (two steps may both offer a new QR code). */
function findAction(path: string, currentKind: string | undefined): { action: StepAction; params: Record<string, string> } | null {
  const steps = allSteps().sort((a, b) => Number(b.kind === currentKind) - Number(a.kind === currentKind));
  for (const step of steps) {
    for (const action of step.actions ?? []) {
      const params = matchPath(action.path, path);
      if (params) return { action, params };
    }
  }
  return null;
}

async function answer(c: Context<AppEnv>, row: ApplicantRow, outcome: ActionOutcome) {
  switch (outcome.kind) {
    case "render":
      return render(c, withProgress(row, outcome.view), outcome.status);
    case "stale":
      return doneFresh(c, row.id);
    case "moved": {
      if (!outcome.notice) return done(c, outcome.row);
      // What the entered step has to say (a code that could not be sent) is shown at once, not after a redirect.
      const step = await currentStep(flowContext(c, outcome.row.livemode), outcome.row, await sessionFor(c, outcome.row), { notice: outcome.notice });
      return renderMoved(c, outcome.row, step, "error" in outcome.notice ? 422 : 200);
    }
  }
}

/** Every step's desktop actions: `POST /v/{id}/{path}`, as the step registered it. */
hosted.post("/:id/*", async (c) => {
  const path = c.req.path.split("/").slice(3).join("/");
  const s = await withSession(c);
  if (!s.row) return s.response;
  const found = findAction(path, currentMethodStep(s.row.state)?.step ?? currentPreambleStep(s.row.state)?.step);
  if (!found) return c.notFound();
  // One cap for every step action: the largest (both ID photos) bounds the text forms too.
  const read = await form(c, s.row, FORM_CAP.photos);
  if (!read.ok) return read.response;
  return answer(c, s.row, await found.action.handle(s.ctx, s.row, s.session, read.form, found.params));
});

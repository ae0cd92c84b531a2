// Hosted pages for applicants: /v/{verification id}. Every POST works as a plain form (success
// answers 303 back to the step page) and under htmx (the response is the next step's fragment,
// one request per action). Handlers parse, call src/hosted, and render.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../api/app-env";
import { getVerificationForApplicant } from "../db/verifications";
import { effectiveStatus } from "../domain/verification/status";
import { readApplicantSession, startApplicantSession } from "../hosted/applicant-session";
import { authorizeApplicant, sendAuthorizationCode } from "../hosted/authorize";
import { answerReuse, chooseMethod } from "../hosted/choose";
import { hostedContext } from "../hosted/context";
import { type ApplicantRow, currentStep, localeOf, methodFormStep, stepBase, type StepFlags } from "../hosted/current-step";
import { confirmCode, resendCode, submitMethodForm } from "../hosted/method-actions";
import { queryAlipayFromDesktop } from "../hosted/alipay-face";
import { desktopHandoff, handoffStub } from "../hosted/handoff";
import { submitIdPhotos } from "../hosted/id-photos";
import { HandoffStatus } from "../../views/steps/continue-on-phone";
import { maskPhone } from "../domain/masking";
import { findMethod } from "../methods";
import { UnavailablePage } from "../../views/pages/unavailable";
import type { StepView } from "../../views/steps/model";
import { HostedPage, Step } from "../../views/steps/step";
import { wantsFragment } from "./htmx";

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
  const status = effectiveStatus(row, c.var.now);
  if (status === "expired" || status === "canceled") {
    return { response: await c.html(<UnavailablePage locale={localeOf(row)} reason={status} backUrl={row.redirectUrl} />, 410) };
  }
  return { row };
}

function render(c: Context<AppEnv>, step: StepView, status: 200 | 422 = 200) {
  c.header("Cache-Control", "no-store");
  return wantsFragment(c) ? c.html(<Step step={step} />, status) : c.html(<HostedPage step={step} />, status);
}

/** The applicant's session, if it is for this verification and its signed-in account. */
async function sessionFor(c: Context<AppEnv>, row: ApplicantRow) {
  const session = await readApplicantSession(c, row.id);
  return session && session.applicantId === row.applicantId ? session : null;
}

/** After a successful action: a plain form goes back to the step page (PRG); htmx gets the step now. */
async function done(c: Context<AppEnv>, row: ApplicantRow) {
  if (!wantsFragment(c)) return c.redirect(`/v/${row.id}`, 303);
  return render(c, await currentStep(hostedContext(c, row.livemode), row, await sessionFor(c, row)));
}

async function form(c: Context<AppEnv>): Promise<FormData> {
  return c.req.formData();
}

const text = (f: FormData, name: string) => {
  const v = f.get(name);
  return typeof v === "string" ? v : "";
};

hosted.get("/:id", async (c) => {
  const { row, response } = await load(c);
  if (!row) return response;
  const flags: StepFlags = { choose: c.req.query("choose") === "1", edit: c.req.query("edit") === "1" };
  return render(c, await currentStep(hostedContext(c, row.livemode), row, await sessionFor(c, row), flags));
});

hosted.post("/:id/authorize", async (c) => {
  const { row, response } = await load(c);
  if (!row) return response;
  const ctx = hostedContext(c, row.livemode);
  const f = await form(c);
  const base = { ...stepBase(row), kind: "authorize" as const, type: row.type, phone: text(f, "phone") };
  if (row.status !== "pending" && row.status !== "in_progress") return done(c, row);
  if (text(f, "action") === "send_code") {
    const sent = await sendAuthorizationCode(ctx, row, text(f, "phone"));
    if (!sent.ok) return render(c, { ...base, errors: sent.errors, ...(sent.retryAfterSeconds ? { retryAfterSeconds: sent.retryAfterSeconds } : {}) }, 422);
    return render(c, { ...base, phone: sent.phone, codeSentTo: maskPhone(sent.phone), errors: {} });
  }
  const result = await authorizeApplicant(ctx, row, { phone: text(f, "phone"), code: text(f, "code"), consent: text(f, "consent") === "yes" });
  if (!result.ok) return render(c, { ...base, errors: result.errors, ...(result.triesLeft !== undefined ? { triesLeft: result.triesLeft } : {}) }, 422);
  await startApplicantSession(c, { verificationId: row.id, applicantId: result.applicantId }, row.expiresAt);
  if (!wantsFragment(c)) return c.redirect(`/v/${row.id}`, 303);
  const next = { ...result.row, partnerName: row.partnerName };
  return render(c, await currentStep(ctx, next, { verificationId: row.id, applicantId: result.applicantId }, { reusable: result.reusable }));
});

/** The remaining actions need the applicant signed in for this verification. */
async function withSession(c: Context<AppEnv>) {
  const { row, response } = await load(c);
  if (!row) return { response };
  const session = await sessionFor(c, row);
  if (!session || (row.status !== "pending" && row.status !== "in_progress")) return { response: await done(c, row) };
  return { row, session, ctx: hostedContext(c, row.livemode) };
}

hosted.post("/:id/reuse", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  await answerReuse(s.ctx, s.row, s.session, text(await form(c), "choice") === "share");
  return done(c, (await getVerificationForApplicant(c.var.db, s.row.id))!);
});

hosted.post("/:id/method", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const result = await chooseMethod(s.ctx, s.row, text(await form(c), "method"));
  return done(c, result.ok ? result.row : s.row);
});

hosted.post("/:id/methods/:method", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const method = c.req.param("method");
  if (!findMethod(method)?.person) return done(c, s.row);
  const r = await submitMethodForm(s.ctx, s.row, method, await form(c));
  switch (r.kind) {
    case "invalid":
      return render(c, { ...(await methodFormStep(s.ctx, s.row, method, null)), values: r.values, errors: r.errors }, 422);
    case "retry":
      return render(c, { ...(await methodFormStep(s.ctx, r.row, method, null)), values: r.values, reason: r.reason }, 422);
    case "code_not_sent":
      return render(c, { ...stepBase(r.row), kind: "code", method, maskedPhone: r.maskedPhone, error: r.reason, ...(r.retryAfterSeconds ? { retryAfterSeconds: r.retryAfterSeconds } : {}) }, 422);
    case "error":
      return done(c, (await getVerificationForApplicant(c.var.db, s.row.id))!);
    default:
      return done(c, r.row);
  }
});

hosted.post("/:id/methods/:method/code", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const method = c.req.param("method");
  const f = await form(c);
  const r = text(f, "action") === "resend" ? await resendCode(s.ctx, s.row, method) : await confirmCode(s.ctx, s.row, method, text(f, "code"));
  // id_photos, verified and ended fall through to `done`: the next step renders from storage.
  const codeStep = (row: ApplicantRow, maskedPhone: string) => ({ ...stepBase(row), kind: "code" as const, method, maskedPhone });
  switch (r.kind) {
    case "wrong":
      return render(c, { ...codeStep(r.row, r.maskedPhone), error: r.error, triesLeft: r.triesLeft }, 422);
    case "not_resent":
      return render(c, { ...codeStep(r.row, r.maskedPhone), error: r.error, ...(r.retryAfterSeconds ? { retryAfterSeconds: r.retryAfterSeconds } : {}) }, 422);
    case "resent":
      return render(c, { ...codeStep(r.row, r.maskedPhone), notice: "sent" });
    case "stale":
      return done(c, (await getVerificationForApplicant(c.var.db, s.row.id))!);
    default:
      return done(c, r.row);
  }
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
  return c.html(<HandoffStatus locale={localeOf(s.row)} verificationId={s.row.id} state={state} lastFailure={record?.lastFailure} purpose={record?.purpose} polling />);
});

hosted.post("/:id/handoff/refresh", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const channel = text(await form(c), "channel");
  const purpose = channel === "alipay_face" && s.ctx.providers.alipayFace ? "alipay_face" : channel === "face" ? "face" : undefined;
  if (s.row.step === "awaiting_phone") await desktopHandoff(s.ctx, s.row, s.ctx.origin, { fresh: true, ...(purpose ? { purpose } : {}) });
  if (s.row.step === "awaiting_id_images") await desktopHandoff(s.ctx, s.row, s.ctx.origin, { fresh: true, purpose: "id_capture" });
  return done(c, (await getVerificationForApplicant(c.var.db, s.row.id))!);
});

/** The desktop asks Alipay for the result of the phone's check; a notice when it settled nothing. */
hosted.post("/:id/handoff/alipay-result", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const notice = await queryAlipayFromDesktop(s.ctx, s.row);
  const row = (await getVerificationForApplicant(c.var.db, s.row.id))!;
  if (!notice) return done(c, row);
  const step = await currentStep(s.ctx, row, s.session);
  return render(c, step.kind === "continue_on_phone" ? { ...step, alipayNotice: notice } : step);
});

hosted.post("/:id/id-photos", async (c) => {
  const s = await withSession(c);
  if (!s.row) return s.response;
  const r = await submitIdPhotos(s.ctx, s.row, await form(c));
  if (r.kind === "invalid" || r.kind === "retry") {
    const row = r.kind === "retry" ? r.row : s.row;
    const step = await currentStep(s.ctx, row, s.session);
    if (step.kind === "id_photos") return render(c, { ...step, ...(r.kind === "invalid" ? { errors: r.errors } : { reason: r.reason }) }, 422);
    return render(c, step);
  }
  return done(c, r.kind === "stale" ? (await getVerificationForApplicant(c.var.db, s.row.id))! : r.row);
});

// Phone pages of the handoff: /p/{token} exchanges the link's token for a session cookie once and
// redirects, so the token never stays in the address bar; /p renders where the handoff stands.
import { type Context, Hono } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/app-env";
import { MAX_FAILED_ATTEMPTS } from "../domain/flow/transition";
import { localeOf } from "../flow/applicant";
import { cookieHolds, openLink, phoneAbout, readPhoneSession } from "../flow/handoff";
import { ALIPAY_RETURN_PATH, type AlipayQueryNotice, certifyUrlFor, queryAlipayCheck, returningSession, settleAlipayReturn, startAlipayFace } from "../steps/handoff/alipay";
import { giveFaceConsent, submitClip } from "../steps/handoff/face";
import { submitPhonePhotos } from "../steps/id-photos/phone";
import { flowContext } from "./flow-context";
import { FORM_CAP, readForm } from "./form-body";
import { alipayAppLink } from "../providers/alipay-face/index";
import { isSandboxCertifyId, SANDBOX_CERTIFY_PATH } from "../providers/alipay-face/sandbox";
import type { HandoffRecord } from "../sessions/handoff-session";
import { AlipayReturnedPage, AlipaySandboxPage, AlipayStartPage } from "../../views/phone/alipay";
import { IdCapturePage } from "../../views/phone/id-capture";
import { CapturePage, ConsentPage, LinkProblemPage, PhoneStatusPage } from "../../views/phone/pages";
import { type Locale, t } from "../../views/messages";
import { errorText } from "../../views/components/form-errors";
import { TestMode } from "../../views/components/test-mode";

export const phone = new Hono<AppEnv>();

/** The verification's tries left, said beside a failed try on the phone as on the desktop. */
const triesLeft = (row: { failedAttempts: number }) => Math.max(0, MAX_FAILED_ATTEMPTS - row.failedAttempts);

const secure = (c: Context<AppEnv>) => new URL(c.req.url).protocol === "https:";
const cookieName = (c: Context<AppEnv>) => (secure(c) ? "__Host-sm_phone" : "sm_phone");
const guessLocale = (c: Context<AppEnv>): Locale => (/^en\b/i.test(c.req.header("accept-language") ?? "") ? "en" : "zh-CN");

/** Every phone page, with the test-mode banner once the session (or Alipay's return) names the verification. */
function page(c: Context<AppEnv>, node: JSX.Element, status?: ContentfulStatusCode) {
  return c.html(<TestMode on={c.var.testMode === true}>{node}</TestMode>, status);
}

function noStore(c: Context<AppEnv>) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
}

phone.get("/p/:token{[A-Za-z0-9_.-]{20,}}", async (c) => {
  noStore(c);
  const ctx = flowContext(c, false);
  const opened = await openLink(ctx, c.req.param("token"));
  if (!opened.ok) return page(c, <LinkProblemPage locale={guessLocale(c)} reason={opened.reason} />, opened.reason === "invalid" ? 400 : 410);
  setCookie(c, cookieName(c), opened.cookie, {
    path: "/",
    httpOnly: true,
    secure: secure(c),
    sameSite: "Lax",
    maxAge: Math.max(60, Math.floor((opened.record.expiresAt - ctx.now) / 1000)),
  });
  return c.redirect("/p", 303);
});

async function session(c: Context<AppEnv>) {
  const ctx = flowContext(c, false);
  const s = await readPhoneSession(ctx, getCookie(c, cookieName(c)));
  // The session found the verification; its mode decides the providers (and the banner) from here on.
  if (s) c.set("testMode", !s.row.livemode);
  return s ? { s, ctx: flowContext(c, s.row.livemode) } : null;
}

phone.get("/p", async (c) => {
  noStore(c);
  const found = await session(c);
  if (!found) return page(c, <LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  const { record, row } = found.s;
  const locale = localeOf(row);
  const about = await phoneAbout(found.ctx, found.s);
  if (record.purpose === "id_capture" && (record.state === "opened" || record.state === "capturing" || record.state === "waiting")) {
    return page(c, <IdCapturePage locale={locale} lastFailure={record.lastFailure} attemptsLeft={triesLeft(row)} about={about} />);
  }
  if (record.purpose === "alipay_face" && (record.state === "opened" || record.state === "capturing")) return alipayPage(c, found);
  switch (record.state) {
    case "waiting":
    case "opened":
      return page(c, <ConsentPage locale={locale} about={about} />);
    case "capturing":
      return page(c, <CapturePage locale={locale} prompts={record.prompts ?? []} lastFailure={record.lastFailure} attemptsLeft={triesLeft(row)} about={about} />);
    default:
      return page(c, <PhoneStatusPage locale={locale} status={record.state} purpose={record.purpose} />);
  }
});

phone.post("/p/consent", async (c) => {
  const found = await session(c);
  if (!found) return page(c, <LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  if (found.s.record.state === "opened") await giveFaceConsent(found.ctx, found.s);
  return c.redirect("/p", 303);
});

phone.post("/p/clip", async (c) => {
  const found = await session(c);
  if (!found) return c.json({ error: "session", message: t(guessLocale(c), "phone.link.invalid") }, 401);
  const locale = localeOf(found.s.row);
  const read = await readForm(c, { locale, maxBytes: FORM_CAP.clip, backUrl: "/p", json: true });
  if (!read.ok) return read.response;
  const clip = read.form.get("clip");
  if (!(clip instanceof File)) return c.json({ error: "clip_empty", message: errorText(locale, "clip", "clip_empty") }, 422);
  const outcome = await submitClip(found.ctx, found.s, clip);
  if (outcome.kind === "invalid") return c.json({ error: outcome.error, message: errorText(locale, "clip", outcome.error) }, 422);
  return c.json({ ok: true, state: outcome.record?.state ?? null });
});

phone.post("/p/leave", (c) => {
  deleteCookie(c, cookieName(c), { path: "/", secure: secure(c) });
  return c.redirect("/p", 303);
});

/** Both sides of the ID card from the phone; answers JSON to the page's script, a redirect to a plain form. */
phone.post("/p/id-photos", async (c) => {
  const found = await session(c);
  const wantsJson = (c.req.header("accept") ?? "").includes("application/json");
  if (!found) return wantsJson ? c.json({ errors: { session: t(guessLocale(c), "phone.link.invalid") } }, 401) : page(c, <LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  const locale = localeOf(found.s.row);
  const read = await readForm(c, { locale, maxBytes: FORM_CAP.photos, backUrl: "/p", json: wantsJson });
  if (!read.ok) return read.response;
  const outcome = await submitPhonePhotos(found.ctx, found.s, read.form);
  if (outcome.kind === "invalid") {
    const messages = Object.fromEntries(Object.entries(outcome.errors).map(([f, code]) => [f, errorText(locale, f, code!)]));
    return wantsJson ? c.json({ errors: messages }, 422) : page(c, <IdCapturePage locale={locale} errors={outcome.errors} />, 422);
  }
  return wantsJson ? c.json({ ok: true, state: outcome.state }) : c.redirect("/p", 303);
});

/** Inside the Alipay app the certify URL opens the check directly; elsewhere only Alipay's own scheme does. */
const inAlipay = (c: Context<AppEnv>) => /AlipayClient/i.test(c.req.header("user-agent") ?? "");

type Found = NonNullable<Awaited<ReturnType<typeof session>>>;

/** Our page before Alipay: the button that registers a check, or, with one registered, the way to it. */
async function alipayPage(c: Context<AppEnv>, found: Found, notice?: AlipayQueryNotice) {
  const { record, row } = found.s;
  const url = await certifyUrlFor(found.ctx, record);
  const appLink = url ? (row.livemode && !inAlipay(c) ? alipayAppLink(url) : url) : undefined;
  return page(c, <AlipayStartPage locale={localeOf(row)} lastFailure={record.lastFailure} attemptsLeft={triesLeft(row)} appLink={appLink} notice={notice} />);
}

/** The phone registers its check at Alipay (or finds the one it has) and goes there. */
phone.post("/p/alipay/start", async (c) => {
  const found = await session(c);
  if (!found) return page(c, <LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  const started = await startAlipayFace(found.ctx, found.s);
  const direct = started.kind === "started" && (inAlipay(c) || !found.s.row.livemode);
  return c.redirect(direct ? started.certifyUrl : "/p", 303);
});

/** The phone asks for the result when Alipay did not send it back (the app closed, a fault on return). */
phone.post("/p/alipay/result", async (c) => {
  const found = await session(c);
  if (!found) return page(c, <LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  const notice = await queryAlipayCheck(found.ctx, found.s);
  return notice ? alipayPage(c, found, notice) : c.redirect("/p", 303);
});

/** Where Alipay sends the phone when its check ends, passed or not, perhaps in a browser without our cookie. */
phone.get(ALIPAY_RETURN_PATH, async (c) => {
  noStore(c);
  const outerOrderNo = c.req.query("o") ?? "";
  const returning = await returningSession(flowContext(c, false), c.req.query("h") ?? "", outerOrderNo, c.req.query("t") ?? "");
  if (!returning) return page(c, <LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 400);
  c.set("testMode", !returning.row.livemode);
  const record = await settleAlipayReturn(flowContext(c, returning.row.livemode), returning, outerOrderNo);
  // Settling never changes the phone's session, so the record read before tells whose browser this is.
  if (await cookieHolds(getCookie(c, cookieName(c)), returning.record)) return c.redirect("/p", 303);
  return page(c, <ReturnedElsewhere locale={localeOf(returning.row)} record={record} />);
});

function ReturnedElsewhere({ locale, record }: { locale: Locale; record: HandoffRecord | null }) {
  const state = record?.state ?? "expired";
  if (state === "opened" || state === "capturing" || state === "waiting") return <AlipayReturnedPage locale={locale} lastFailure={record?.lastFailure} />;
  return <PhoneStatusPage locale={locale} status={state} />;
}

/** Test mode's stand-in for the Alipay app: one link back to the return URL, as the app would go. */
phone.get(SANDBOX_CERTIFY_PATH, async (c) => {
  noStore(c);
  const ctx = flowContext(c, false);
  const certifyId = c.req.query("certify_id") ?? "";
  const returnUrl = URL.parse(c.req.query("return_url") ?? "");
  // Never a redirect to anywhere else: only our own return path on our own origin.
  if (!isSandboxCertifyId(certifyId) || !returnUrl || returnUrl.origin !== ctx.origin || returnUrl.pathname !== ALIPAY_RETURN_PATH) {
    return page(c, <LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 400);
  }
  const found = await session(c);
  c.set("testMode", true); // the sandbox's stand-in exists in test mode only
  return page(c, <AlipaySandboxPage locale={found ? localeOf(found.s.row) : guessLocale(c)} returnUrl={returnUrl.toString()} />);
});

// Phone pages of the handoff: /p/{token} exchanges the link's token for a session cookie once and
// redirects, so the token never stays in the address bar; /p renders where the handoff stands.
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../api/app-env";
import { hostedContext } from "../hosted/context";
import { localeOf } from "../hosted/current-step";
import { giveFaceConsent, openLink, readPhoneSession, submitAlipayFace, submitClip, submitPhonePhotos } from "../hosted/phone";
import { IdCapturePage } from "../../views/phone/id-capture";
import { AlipaySandboxPage, CapturePage, ConsentPage, LinkProblemPage, PhoneStatusPage } from "../../views/phone/pages";
import { type Locale, t } from "../../views/messages";
import { errorText } from "../../views/components/form-errors";

export const phone = new Hono<AppEnv>();

const secure = (c: Context<AppEnv>) => new URL(c.req.url).protocol === "https:";
const cookieName = (c: Context<AppEnv>) => (secure(c) ? "__Host-sm_phone" : "sm_phone");
const guessLocale = (c: Context<AppEnv>): Locale => (/^en\b/i.test(c.req.header("accept-language") ?? "") ? "en" : "zh-CN");

function noStore(c: Context<AppEnv>) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
}

phone.get("/p/:token{[A-Za-z0-9_.-]{20,}}", async (c) => {
  noStore(c);
  const ctx = hostedContext(c, false);
  const opened = await openLink(ctx, ctx.origin, c.req.param("token"));
  if (!opened.ok) return c.html(<LinkProblemPage locale={guessLocale(c)} reason={opened.reason} />, opened.reason === "invalid" ? 400 : 410);
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
  const ctx = hostedContext(c, false);
  const s = await readPhoneSession(ctx, getCookie(c, cookieName(c)));
  // The session found the verification; its mode decides the providers from here on.
  return s ? { s, ctx: hostedContext(c, s.row.livemode) } : null;
}

phone.get("/p", async (c) => {
  noStore(c);
  const found = await session(c);
  if (!found) return c.html(<LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  const { record, row } = found.s;
  const locale = localeOf(row);
  if (record.purpose === "id_capture" && (record.state === "opened" || record.state === "capturing" || record.state === "waiting")) {
    return c.html(<IdCapturePage locale={locale} lastFailure={record.lastFailure} />);
  }
  if (record.purpose === "alipay_face" && (record.state === "opened" || record.state === "capturing")) {
    return c.html(<AlipaySandboxPage locale={locale} lastFailure={record.lastFailure} />);
  }
  switch (record.state) {
    case "waiting":
    case "opened":
      return c.html(<ConsentPage locale={locale} />);
    case "capturing":
      return c.html(<CapturePage locale={locale} prompts={record.prompts ?? []} lastFailure={record.lastFailure} />);
    default:
      return c.html(<PhoneStatusPage locale={locale} status={record.state} />);
  }
});

phone.post("/p/consent", async (c) => {
  const found = await session(c);
  if (!found) return c.html(<LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  if (found.s.record.state === "opened") await giveFaceConsent(found.ctx, found.s);
  return c.redirect("/p", 303);
});

phone.post("/p/clip", async (c) => {
  const found = await session(c);
  if (!found) return c.json({ error: "session", message: t(guessLocale(c), "phone.link.invalid") }, 401);
  const clip = (await c.req.formData()).get("clip");
  const locale = localeOf(found.s.row);
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
  if (!found) return wantsJson ? c.json({ errors: { session: t(guessLocale(c), "phone.link.invalid") } }, 401) : c.html(<LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  const locale = localeOf(found.s.row);
  const outcome = await submitPhonePhotos(found.ctx, found.s, await c.req.formData());
  if (outcome.kind === "invalid") {
    const messages = Object.fromEntries(Object.entries(outcome.errors).map(([f, code]) => [f, errorText(locale, f, code!)]));
    return wantsJson ? c.json({ errors: messages }, 422) : c.html(<IdCapturePage locale={locale} errors={outcome.errors} />, 422);
  }
  return wantsJson ? c.json({ ok: true, state: outcome.state }) : c.redirect("/p", 303);
});

/** Alipay face in test mode: the sandbox stands in for the Alipay app's verdict. */
phone.post("/p/alipay", async (c) => {
  const found = await session(c);
  if (!found) return c.html(<LinkProblemPage locale={guessLocale(c)} reason="invalid" />, 401);
  await submitAlipayFace(found.ctx, found.s);
  return c.redirect("/p", 303);
});

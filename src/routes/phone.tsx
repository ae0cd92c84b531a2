// Phone pages of the handoff: /p/{code} exchanges the link's code for a session cookie once and
// redirects, so the code never stays in the address bar; /p renders where the handoff stands.
// What a page shows and what a post does belong to the step whose channel the handoff serves
// (flow/phone-pages.ts): this file knows the cookie, the body caps and the page frame only.
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/app-env";
import { localeOf } from "../flow/applicant";
import { openLink, readPhoneSession } from "../flow/handoff";
import { INVITATION_PATH } from "../flow/invitation";
import type { PhoneAnswer, PhoneRequest } from "../flow/phone-pages";
import { allPhoneActions, allPhoneRoutes, phoneChannelFor } from "../flow/steps";
import { flowContext } from "./flow-context";
import { FORM_SLACK, readForm } from "./form-body";
import { CodeEntryPage } from "../../views/phone/code-entry";
import { LinkProblemPage, PhoneStatusPage } from "../../views/phone/pages";
import { type Locale, t } from "../../views/messages";
import { TestMode } from "../../views/components/test-mode";
import "../steps";

export const phone = new Hono<AppEnv>();

const secure = (c: Context<AppEnv>) => new URL(c.req.url).protocol === "https:";
const cookieName = (c: Context<AppEnv>) => (secure(c) ? "__Host-sm_phone" : "sm_phone");
const guessLocale = (c: Context<AppEnv>): Locale => (/^en\b/i.test(c.req.header("accept-language") ?? "") ? "en" : "zh-CN");
const wantsJson = (c: Context<AppEnv>) => (c.req.header("accept") ?? "").includes("application/json");

function request(c: Context<AppEnv>, form: FormData | null): PhoneRequest {
  return {
    form,
    query: (name) => c.req.query(name) ?? "",
    wantsJson: wantsJson(c),
    userAgent: c.req.header("user-agent") ?? "",
    cookie: getCookie(c, cookieName(c)),
    guessedLocale: guessLocale(c),
  };
}

/** A step's answer as a response; every page with the test-mode banner once the verification is known. */
function respond(c: Context<AppEnv>, answer: PhoneAnswer) {
  if (answer.kind === "redirect") return c.redirect(answer.to, 303);
  if (answer.kind === "json") return c.json(answer.body, answer.status ?? 200);
  return c.html(<TestMode on={c.var.testMode === true}>{answer.node}</TestMode>, answer.status ?? 200);
}

const linkInvalid = (c: Context<AppEnv>): PhoneAnswer => ({ kind: "page", node: <LinkProblemPage locale={guessLocale(c)} reason="invalid" />, status: 401 });

function noStore(c: Context<AppEnv>) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
}

const cookieOptions = (c: Context<AppEnv>, expiresAt: number, now: number) => ({
  path: "/",
  httpOnly: true,
  secure: secure(c),
  sameSite: "Lax" as const,
  maxAge: Math.max(60, Math.floor((expiresAt - now) / 1000)),
});

// The code as a QR code carries it, or as a person typed it (dashes, lower case): flow/handoff.ts reads both.
phone.get("/p/:code{[0-9A-Za-z-]{20,29}}", async (c) => {
  noStore(c);
  const ctx = flowContext(c, false);
  const opened = await openLink(ctx, c.req.param("code"));
  if (!opened.ok) return respond(c, { kind: "page", node: <LinkProblemPage locale={guessLocale(c)} reason={opened.reason} />, status: opened.reason === "invalid" ? 400 : 410 });
  setCookie(c, cookieName(c), opened.cookie, cookieOptions(c, opened.record.expiresAt, ctx.now));
  return c.redirect("/p", 303);
});

/** The code typed on the phone: the same exchange, and a wrong one said next to the field with what was typed. */
phone.post("/p/enter", async (c) => {
  noStore(c);
  const locale = guessLocale(c);
  const read = await readForm(c, { locale, maxBytes: FORM_SLACK, backUrl: "/p" });
  if (!read.ok) return read.response;
  const typed = String(read.form.get("code") ?? "").trim();
  const ctx = flowContext(c, false);
  const opened = typed ? await openLink(ctx, typed) : null;
  if (!opened?.ok) {
    const error = t(locale, !opened ? "phone.code.required" : opened.reason === "invalid" ? "phone.code.invalid" : `phone.link.${opened.reason}`);
    return respond(c, { kind: "page", node: <CodeEntryPage locale={locale} value={typed} error={error} />, status: 422 });
  }
  setCookie(c, cookieName(c), opened.cookie, cookieOptions(c, opened.record.expiresAt, ctx.now));
  return c.redirect("/p", 303);
});

async function session(c: Context<AppEnv>) {
  const s = await readPhoneSession(flowContext(c, false), getCookie(c, cookieName(c)));
  // The session found the verification; its mode decides the providers (and the banner) from here on.
  if (s) c.set("testMode", !s.row.livemode);
  return s ? { s, ctx: flowContext(c, s.row.livemode) } : null;
}

phone.get("/p", async (c) => {
  noStore(c);
  const found = await session(c);
  // No link opened in this browser yet: someone typed the address to enter the code.
  if (!found && getCookie(c, cookieName(c)) === undefined) return respond(c, { kind: "page", node: <CodeEntryPage locale={guessLocale(c)} /> });
  if (!found) return respond(c, linkInvalid(c));
  const { record, row } = found.s;
  const shown = await phoneChannelFor(record.purpose)?.page(found.ctx, found.s, request(c, null));
  if (shown) return respond(c, shown);
  // The channel is done with it: the handoff has ended (or waits on the check), and says how.
  const status = record.state === "waiting" || record.state === "opened" || record.state === "capturing" ? "expired" : record.state;
  // A legal representative's own verification, done from their invitation: on to the letter, on this phone.
  const next = row.options.invited ? INVITATION_PATH : undefined;
  return respond(c, { kind: "page", node: <PhoneStatusPage locale={localeOf(row)} status={status} purpose={record.purpose} next={next} /> });
});

phone.post("/p/leave", (c) => {
  deleteCookie(c, cookieName(c), { path: "/", secure: secure(c) });
  return c.redirect("/p", 303);
});

// A channel's own pages reached without the session (Alipay's return), then every channel's actions.
phone.get("/p/*", async (c, next) => {
  const route = allPhoneRoutes().find((r) => r.path === c.req.path);
  if (!route) return next();
  noStore(c);
  const answer = await route.handle((livemode) => flowContext(c, livemode), request(c, null));
  if (answer.testMode !== undefined) c.set("testMode", answer.testMode);
  return respond(c, answer);
});

phone.post("/p/*", async (c, next) => {
  const action = allPhoneActions().find((a) => `/p/${a.path}` === c.req.path);
  if (!action) return next();
  const found = await session(c);
  if (!found) return respond(c, action.withoutSession?.(guessLocale(c), wantsJson(c)) ?? linkInvalid(c));
  const json = action.body?.answers === "json" || wantsJson(c);
  let form: FormData | null = null;
  if (action.body) {
    const read = await readForm(c, { locale: localeOf(found.s.row), maxBytes: action.body.fileBytes + FORM_SLACK, backUrl: "/p", json });
    if (!read.ok) return read.response;
    form = read.form;
  }
  // An action of another channel than the handoff's (a page left open from before): show where it stands.
  if (action.channel.purpose !== found.s.record.purpose) return respond(c, json ? { kind: "json", body: { ok: false, state: found.s.record.state } } : { kind: "redirect", to: "/p" });
  return respond(c, await action.handle(found.ctx, found.s, request(c, form)));
});

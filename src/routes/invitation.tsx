// The legal representative's pages: /a/{code} exchanges the invitation's link for a session cookie
// once and redirects (the code never stays in the address bar); /a shows where they stand; its
// posts start their own verification, send the signing code, sign, or decline. What each does is
// src/steps/invitation's; this file knows the cookie, the form bodies and the page frame.
import { type Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/app-env";
import { localeOf } from "../flow/applicant";
import { type InvitationSessionFound, openInvitationLink, readInvitationSession } from "../flow/invitation";
import { aboutOf, declineInvitation, introPage, standing, startOwnVerification } from "../authorization/legal-rep";
import { operatorPhoneOf } from "../authorization/letter-facts";
import { childOf, letterPage, type SigningInput, sendSigningCode, signLetter } from "../authorization/signing";
import { readApplicantSession } from "./applicant-session";
import { flowContext } from "./flow-context";
import { FORM_SLACK, readForm } from "./form-body";
import type { LegalRepPage } from "../../views/invitation/model";
import { LegalRepPageView } from "../../views/invitation/pages";
import type { Locale } from "../../views/messages";
import { TestMode } from "../../views/components/test-mode";
import "../steps";

export const invitation = new Hono<AppEnv>();

const secure = (c: Context<AppEnv>) => new URL(c.req.url).protocol === "https:";
const cookieName = (c: Context<AppEnv>) => (secure(c) ? "__Host-sm_invitation" : "sm_invitation");
const guessLocale = (c: Context<AppEnv>): Locale => (/^en\b/i.test(c.req.header("accept-language") ?? "") ? "en" : "zh-CN");

function show(c: Context<AppEnv>, page: LegalRepPage, status: 200 | 400 | 401 | 410 | 422 = 200) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  return c.html(<TestMode on={c.var.testMode === true}>{<LegalRepPageView page={page} />}</TestMode>, status);
}

async function session(c: Context<AppEnv>): Promise<{ found: InvitationSessionFound; ctx: ReturnType<typeof flowContext> } | null> {
  const found = await readInvitationSession(flowContext(c, false), getCookie(c, cookieName(c)));
  if (!found) return null;
  c.set("testMode", !found.row.livemode);
  return { found, ctx: flowContext(c, found.row.livemode) };
}

/** The phone the legal representative's own verification signed in with, if this browser holds that session. */
async function signingInput(c: Context<AppEnv>, found: InvitationSessionFound, form: FormData | null): Promise<SigningInput> {
  const childId = found.row.authorization?.legalRepVerificationId;
  const own = childId ? await readApplicantSession(c, childId) : null;
  const field = (name: string) => {
    const v = form?.get(name);
    return typeof v === "string" ? v : "";
  };
  return { sessionPhone: own?.phone ?? null, typedPhone: field("sign_phone"), code: field("code"), shownLetterSha256: field("letter_sha256") };
}

const noSession = (c: Context<AppEnv>) => show(c, { kind: "link_problem", locale: guessLocale(c), reason: "invalid" }, 401);

invitation.get("/a/:code{[0-9A-Za-z-]{20,29}}", async (c) => {
  const ctx = flowContext(c, false);
  const opened = await openInvitationLink(ctx, c.req.param("code"));
  if (!opened.ok) {
    // The same browser opening its link again (the SMS tapped twice) goes on where it stands.
    if (opened.reason === "used" && (await session(c))) return c.redirect("/a", 303);
    return show(c, { kind: "link_problem", locale: guessLocale(c), reason: opened.reason }, opened.reason === "invalid" ? 400 : 410);
  }
  setCookie(c, cookieName(c), opened.cookie, { path: "/", httpOnly: true, secure: secure(c), sameSite: "Lax", maxAge: Math.max(60, Math.floor((opened.record.expiresAt - ctx.now) / 1000)) });
  return c.redirect("/a", 303);
});

invitation.get("/a", async (c) => {
  const s = await session(c);
  if (!s) return noSession(c);
  const { found, ctx } = s;
  const about = async () => aboutOf(ctx, found.row, await operatorPhoneOf(ctx, found.row));
  switch (standing(found.row, ctx.now)) {
    case "intro":
      return show(c, introPage(await about(), found.row));
    case "verifying":
      return show(c, { kind: "verifying", about: await about(), childUrl: `/v/${found.row.authorization?.legalRepVerificationId ?? ""}` });
    case "signing":
      return show(c, await letterPage(ctx, found, await signingInput(c, found, null), await childOf(ctx, found.row)));
    case "signed":
      return show(c, { kind: "signed", about: await about() });
    case "declined":
      return show(c, { kind: "declined", about: await about() });
    case "not_verified":
      return show(c, { kind: "not_verified", about: await about() });
    case "ended":
      return show(c, { kind: "link_problem", locale: localeOf(found.row), reason: "ended" }, 410);
  }
});

/** The posts: the session and the form read, or the answer to either missing. */
async function posted(c: Context<AppEnv>) {
  const s = await session(c);
  if (!s) return { response: await noSession(c) };
  const read = await readForm(c, { locale: localeOf(s.found.row), maxBytes: FORM_SLACK, backUrl: "/a" });
  if (!read.ok) return { response: read.response };
  return { ...s, form: read.form };
}

const text = (f: FormData, name: string) => {
  const v = f.get(name);
  return typeof v === "string" ? v : "";
};

invitation.post("/a/start", async (c) => {
  const p = await posted(c);
  if (p.response) return p.response;
  const outcome = await startOwnVerification(p.ctx, p.found, text(p.form, "id_number"));
  if (outcome.kind === "child") return c.redirect(outcome.url, 303);
  if (outcome.kind === "page") return show(c, outcome.page, outcome.status);
  return c.redirect("/a", 303);
});

invitation.post("/a/sign", async (c) => {
  const p = await posted(c);
  if (p.response) return p.response;
  const input = await signingInput(c, p.found, p.form);
  if (text(p.form, "action") === "send_code") {
    const sent = await sendSigningCode(p.ctx, p.found, input);
    return show(c, sent.page, sent.status);
  }
  const outcome = await signLetter(p.ctx, p.found, input);
  if (outcome.kind === "page") return show(c, outcome.page, outcome.status);
  return c.redirect("/a", 303);
});

invitation.post("/a/decline", async (c) => {
  const p = await posted(c);
  if (p.response) return p.response;
  await declineInvitation(p.ctx, p.found, text(p.form, "reason"));
  return c.redirect("/a", 303);
});

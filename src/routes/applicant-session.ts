// The applicant's signed-in state for one verification, after app authorization: a cookie
// binding this browser to (verification, applicant), MACed with a key derived from DATA_KEY.
// The `__Host-` prefix needs Secure, so plain-http local dev uses the unprefixed name.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/app-env";
import { timingSafeEqual } from "../crypto/hash";
import type { ApplicantSession } from "../flow/applicant";

export type { ApplicantSession };

function cookieName(c: Context<AppEnv>) {
  return new URL(c.req.url).protocol === "https:" ? "__Host-sm_applicant" : "sm_applicant";
}

async function mac(c: Context<AppEnv>, payload: string) {
  return c.var.cipher.hash("applicant_cookie", payload);
}

export async function startApplicantSession(c: Context<AppEnv>, session: ApplicantSession, expiresAt: number) {
  const payload = `${session.verificationId}.${session.applicantId}.${expiresAt}.${session.signedInAt}`;
  setCookie(c, cookieName(c), `${payload}.${await mac(c, payload)}`, {
    path: "/",
    httpOnly: true,
    secure: new URL(c.req.url).protocol === "https:",
    sameSite: "Lax",
    maxAge: Math.max(0, Math.floor((expiresAt - c.var.now) / 1000)),
  });
}

export async function readApplicantSession(c: Context<AppEnv>, verificationId: string): Promise<ApplicantSession | null> {
  const raw = getCookie(c, cookieName(c));
  const parts = raw?.split(".");
  if (parts?.length !== 5) return null;
  const [vid, applicantId, expiresAt, signedInAt, tag] = parts as [string, string, string, string, string];
  if (vid !== verificationId || Number(expiresAt) < c.var.now) return null;
  if (!timingSafeEqual(tag, await mac(c, `${vid}.${applicantId}.${expiresAt}.${signedInAt}`))) return null;
  return { verificationId: vid, applicantId, signedInAt: Number(signedInAt) };
}

export function endApplicantSession(c: Context<AppEnv>) {
  deleteCookie(c, cookieName(c), { path: "/", secure: new URL(c.req.url).protocol === "https:" });
}

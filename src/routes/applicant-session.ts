// The applicant's signed-in state for one verification, after app authorization: a cookie
// binding this browser to (verification, applicant), MACed with a key derived from DATA_KEY,
// with the phone it proved sealed (AES-GCM) inside, never readable from the cookie itself.
// The `__Host-` prefix needs Secure, so plain-http local dev uses the unprefixed name.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/app-env";
import { timingSafeEqual } from "../crypto/hash";
import { type ApplicantSession, applicantIdFor } from "../flow/applicant";

export type { ApplicantSession };

function cookieName(c: Context<AppEnv>) {
  return new URL(c.req.url).protocol === "https:" ? "__Host-sm_applicant" : "sm_applicant";
}

async function mac(c: Context<AppEnv>, payload: string) {
  return c.var.cipher.hash("applicant_cookie", payload);
}

/** `vid.applicantId.expiresAt.signedInAt[.sealed phone].tag`; the sealed phone (`v1.…`) has dots of its own. */
export async function startApplicantSession(c: Context<AppEnv>, session: ApplicantSession, expiresAt: number) {
  const sealed = session.phone ? `.${await c.var.cipher.encrypt(session.phone)}` : "";
  const payload = `${session.verificationId}.${session.applicantId}.${expiresAt}.${session.signedInAt}${sealed}`;
  setCookie(c, cookieName(c), `${payload}.${await mac(c, payload)}`, {
    path: "/",
    httpOnly: true,
    secure: new URL(c.req.url).protocol === "https:",
    sameSite: "Lax",
    maxAge: Math.max(0, Math.floor((expiresAt - c.var.now) / 1000)),
  });
}

export async function readApplicantSession(c: Context<AppEnv>, verificationId: string): Promise<ApplicantSession | null> {
  const parts = getCookie(c, cookieName(c))?.split(".");
  if (!parts || parts.length < 5) return null;
  const tag = parts.pop() ?? "";
  const [vid = "", applicantId = "", expiresAt, signedInAt, ...sealed] = parts;
  if (vid !== verificationId || Number(expiresAt) < c.var.now) return null;
  if (!timingSafeEqual(tag, await mac(c, parts.join(".")))) return null;
  const session: ApplicantSession = { verificationId: vid, applicantId, signedInAt: Number(signedInAt) };
  const phone = sealed.length > 0 ? await openPhone(c, sealed.join(".")) : null;
  // The phone must name this very account: a cookie MACed for one sign-in never offers another's phone.
  return phone && (await applicantIdFor(c.var.cipher, phone)) === applicantId ? { ...session, phone } : session;
}

async function openPhone(c: Context<AppEnv>, sealed: string): Promise<string | null> {
  try {
    return await c.var.cipher.decrypt(sealed);
  } catch {
    return null;
  }
}

export function endApplicantSession(c: Context<AppEnv>) {
  deleteCookie(c, cookieName(c), { path: "/", secure: new URL(c.req.url).protocol === "https:" });
}

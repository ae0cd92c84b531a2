// The sign-in form's phone after 获取验证码, kept for a reload: a short-lived cookie holding the
// phone sealed with AES-GCM (DATA_KEY) together with the verification id, so it reads back only
// here, unaltered. Never in D1: there the phone is the account key, kept only as a keyed hash.
// Whether the code is still live is asked of the code's Durable Object, never of the cookie.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppEnv } from "../http/app-env";

/** Twice a code's life (5 minutes): long enough to come back to, short for a phone in a cookie. */
const MAX_AGE_SECONDS = 10 * 60;

const Kept = z.object({ v: z.string(), p: z.string(), at: z.number() });

const secure = (c: Context<AppEnv>) => new URL(c.req.url).protocol === "https:";
const cookieName = (c: Context<AppEnv>) => (secure(c) ? "__Host-sm_signin" : "sm_signin");

export async function keepSignInPhone(c: Context<AppEnv>, verificationId: string, phone: string) {
  const sealed = await c.var.cipher.encrypt(JSON.stringify({ v: verificationId, p: phone, at: c.var.now }));
  setCookie(c, cookieName(c), sealed, { path: "/", httpOnly: true, secure: secure(c), sameSite: "Lax", maxAge: MAX_AGE_SECONDS });
}

/** The phone a code was sent to from this browser for this verification, or null (none, stale, altered). */
export async function readSignInPhone(c: Context<AppEnv>, verificationId: string): Promise<string | null> {
  const sealed = getCookie(c, cookieName(c));
  if (!sealed) return null;
  try {
    const kept = Kept.safeParse(JSON.parse(await c.var.cipher.decrypt(sealed)));
    if (!kept.success) return null;
    const { v, p, at } = kept.data;
    return v === verificationId && c.var.now - at <= MAX_AGE_SECONDS * 1000 ? p : null;
  } catch {
    return null;
  }
}

export function forgetSignInPhone(c: Context<AppEnv>) {
  if (getCookie(c, cookieName(c))) deleteCookie(c, cookieName(c), { path: "/", secure: secure(c) });
}

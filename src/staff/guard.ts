// The back office's door: every /staff request names a staff member (Access's JWT, or locally the
// development sign-in's cookie holding the same kind of token), active now, with the role the page
// needs; forms must come from our own pages (the Origin of a POST is ours); nothing here may be
// framed or cached.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../http/app-env";
import { activeStaffByEmail, type StaffMember, type StaffRole } from "../db/staff";
import { type AccessSettings, accessEmail, devSignInAllowed } from "./access";

export const ACCESS_HEADER = "cf-access-jwt-assertion";
export const DEV_COOKIE = "sm_staff_dev";

export type StaffEnv = AppEnv & { Variables: AppEnv["Variables"] & { staff: StaffMember } };

export function accessSettings(config: AppEnv["Variables"]["config"]): AccessSettings {
  return { environment: config.ENVIRONMENT, teamDomain: config.ACCESS_TEAM_DOMAIN, aud: config.ACCESS_AUD, devKey: config.STAFF_DEV_KEY };
}

/** The token a request carries: Access's header; locally, also the development sign-in's cookie. */
function tokenOf(c: Context<StaffEnv>, settings: AccessSettings): string | undefined {
  const header = c.req.header(ACCESS_HEADER);
  if (header) return header;
  return devSignInAllowed(settings) ? getCookie(c, DEV_COOKIE) : undefined;
}

export const staffHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("X-Frame-Options", "DENY");
  c.header("Content-Security-Policy", "frame-ancestors 'none'");
  c.header("Cache-Control", "no-store");
  // Not no-referrer: under it Chromium sends `Origin: null` even on our own forms. Same-origin
  // keeps case URLs from reaching other sites all the same.
  c.header("Referrer-Policy", "same-origin");
};

/**
 * Refuses a cross-site form. A browser's Sec-Fetch-Site (which no page can forge) must say
 * same-origin; without it (an older browser, a script) the Origin must be ours. `Origin: null`
 * (sent under some referrer policies and by sandboxed frames) proves nothing and is refused unless
 * Sec-Fetch-Site vouches for the request.
 */
export const sameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    const ours = new URL(c.req.url).origin;
    if (site !== undefined ? site !== "same-origin" : origin !== undefined && origin !== ours) return c.text("cross-site request refused", 403);
  }
  await next();
};

export function requireStaff(roles: readonly StaffRole[] = ["reviewer", "admin"]): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const settings = accessSettings(c.var.config);
    const email = await accessEmail(tokenOf(c, settings), settings);
    const staff = email ? await activeStaffByEmail(c.var.db, email) : null;
    if (!staff) return c.text("Not signed in to the Shiming back office: sign in through Cloudflare Access.", 401);
    if (!roles.includes(staff.role)) return c.text("Your role cannot open this page.", 403);
    c.set("staff", staff);
    await next();
  };
}

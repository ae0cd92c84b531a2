// Operator API authentication with ADMIN_TOKEN, compared in constant time. Partner keys can
// never pass here, and config refuses an ADMIN_TOKEN shaped like a partner key.
import { createMiddleware } from "hono/factory";
import { timingSafeEqual } from "../crypto/hash";
import type { AppEnv } from "./app-env";
import { bearerChallenge } from "./bearer-challenge";
import { bearerToken } from "./partner-auth";

export const adminAuth = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  if (!token || token.startsWith("sk_") || !timingSafeEqual(token, c.var.config.ADMIN_TOKEN)) {
    return bearerChallenge(c, "admin", token !== null);
  }
  await next();
});

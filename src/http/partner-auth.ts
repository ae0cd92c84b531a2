// Partner API authentication: `Authorization: Bearer sk_test_…|sk_live_…`. The key's mode decides
// which objects the request can see. Every failure looks the same from outside (401 with a
// Bearer challenge; see bearer-challenge.ts).
import { createMiddleware } from "hono/factory";
import { API_KEY_PATTERN, findActiveKeyByPlaintext } from "../db/api-keys";
import type { AppEnv } from "./app-env";
import { bearerChallenge } from "./bearer-challenge";

export const bearerToken = (header: string | undefined): string | null => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
};

export const partnerAuth = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  if (!token || !API_KEY_PATTERN.test(token)) return bearerChallenge(c, "api", token !== null);
  const key = await findActiveKeyByPlaintext(c.var.db, token);
  if (!key) return bearerChallenge(c, "api", true);
  c.set("partner", { partnerId: key.partnerId, livemode: key.mode === "live", keyId: key.id });
  await next();
});

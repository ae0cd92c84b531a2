// /.well-known/jwks.json: the public keys that verify result tokens and evidence, current and
// retired. Public and cacheable; it must only ever hold public key members.
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { signingKeys } from "../tokens/keys";

export const wellKnown = new Hono<AppEnv>();

wellKnown.get("/.well-known/jwks.json", async (c) => {
  const { jwks } = await signingKeys(c.var.config);
  // An hour of caching: a new key is published (second in SIGNING_KEYS) at least this long before it signs.
  return c.json(jwks, 200, { "cache-control": "public, max-age=3600", "access-control-allow-origin": "*" });
});

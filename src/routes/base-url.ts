// The public origin for links we hand out: PUBLIC_BASE_URL when deployed behind a custom
// domain, the request's own origin otherwise.
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";

export function baseUrl<E extends AppEnv>(c: Context<E>): string {
  return c.var.config.PUBLIC_BASE_URL ?? new URL(c.req.url).origin;
}

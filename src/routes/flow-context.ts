// The journey's context, gathered once from a request: the one place Hono's context becomes the
// plain FlowContext the steps take.
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import type { FlowContext } from "../flow/context";
import { providersFor } from "../providers/select";
import { sandboxPayoutStore } from "../db/sandbox-payouts";
import { baseUrl } from "./base-url";

export function flowContext(c: Context<AppEnv>, livemode: boolean): FlowContext {
  return {
    env: c.env,
    db: c.var.db,
    cipher: c.var.cipher,
    config: c.var.config,
    now: c.var.now,
    providers: providersFor({ livemode }, c.var.config, { sandboxPayouts: sandboxPayoutStore(c.var.db, c.var.now) }),
    livemode,
    origin: baseUrl(c),
    client: {
      ip: c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown",
      userAgent: (c.req.header("user-agent") ?? "").slice(0, 512),
    },
  };
}

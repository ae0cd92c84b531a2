// What the applicant-facing flows need from a request, gathered once: storage, cipher, the
// providers for this verification's mode, the clock reading, and where the request came from.
import type { Context } from "hono";
import type { AppEnv } from "../api/app-env";
import type { Config } from "../config";
import type { DataCipher } from "../crypto/data-key";
import type { Database } from "../db/client";
import type { Env } from "../env";
import { type Providers, providersFor } from "../providers/select";
import { baseUrl } from "../routes/base-url";

export interface HostedContext {
  env: Env;
  db: Database;
  cipher: DataCipher;
  config: Config;
  now: number;
  providers: Providers;
  livemode: boolean;
  /** The public origin links are built on (PUBLIC_BASE_URL, or the request's). */
  origin: string;
  client: { ip: string; userAgent: string };
}

export function hostedContext(c: Context<AppEnv>, livemode: boolean): HostedContext {
  return {
    env: c.env,
    db: c.var.db,
    cipher: c.var.cipher,
    config: c.var.config,
    now: c.var.now,
    providers: providersFor({ livemode }, c.var.config),
    livemode,
    origin: baseUrl(c),
    client: {
      ip: c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown",
      userAgent: (c.req.header("user-agent") ?? "").slice(0, 512),
    },
  };
}

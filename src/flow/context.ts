// What a journey step needs from a request, gathered once by the route: storage, cipher, the
// providers for this verification's mode, the clock reading, and where the request came from.
// Plain data: steps never see Hono, so they are tested with any context that fits.
import type { Config } from "../config";
import type { DataCipher } from "../crypto/data-key";
import type { Database } from "../db/client";
import type { Env } from "../env";
import type { Providers } from "../providers/select";

export interface FlowContext {
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

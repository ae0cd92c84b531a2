// Hono's typing for this app: the bindings, and what middleware puts on the context.
import type { Config } from "../config";
import type { DataCipher } from "../crypto/data-key";
import type { Database } from "../db/client";
import type { PartnerScope } from "../db/partner-scope";
import type { Env } from "../env";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    config: Config;
    db: Database;
    cipher: DataCipher;
    now: number;
    partner: PartnerScope & { keyId: string };
    /** Set by the applicant and phone routes once they know the verification: its pages show the test-mode banner. */
    testMode?: boolean;
  };
}

// DATA_KEY alone, parsed from the raw env with zod. The Durable Objects read their key here, not
// through the Worker's whole config, so a bad ADMIN_TOKEN or SIGNING_KEYS cannot stop SMS codes,
// and src/sessions/ never imports config.ts. It must never read, or report, any other variable.
import { z } from "zod";

export const dataKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43,}=*$/, "DATA_KEY must be at least 32 random bytes, base64-encoded");

/** The base64 DATA_KEY from a raw env; throws naming DATA_KEY only (never its value) when it is missing or malformed. */
export function dataKeyFromEnv(env: { DATA_KEY?: unknown }): string {
  const parsed = dataKeySchema.safeParse(env.DATA_KEY);
  if (!parsed.success) throw new Error(`configuration invalid: DATA_KEY: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

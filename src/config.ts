// Env vars parsed once with zod. A missing or malformed secret stops the request with a clear
// log line instead of failing halfway through a verification.
import { z } from "zod";
import { dataKeySchema } from "./crypto/data-key-from-env";
import type { Env } from "./env";
import { signingKeysSchema } from "./tokens/keys";
import { DEFAULT_RETRY_SCHEDULE, retryScheduleSchema } from "./webhooks/schedule";

const optional = z.string().trim().min(1).optional().catch(undefined);

const configSchema = z.object({
  ENVIRONMENT: z.enum(["development", "test", "staging", "production"]).default("production"),
  // A token shaped like a partner key could be mistaken for one: the two must never overlap.
  ADMIN_TOKEN: z
    .string()
    .min(16, "ADMIN_TOKEN must be at least 16 characters")
    .refine((t) => !t.startsWith("sk_"), {
      message: "ADMIN_TOKEN must not look like a partner key (sk_…)",
    }),
  DATA_KEY: dataKeySchema,
  PUBLIC_BASE_URL: z.url().optional().catch(undefined),
  TENCENTCLOUD_SECRET_ID: optional,
  TENCENTCLOUD_SECRET_KEY: optional,
  TENCENTCLOUD_REGION: optional,
  TENCENTCLOUD_SMS_SDK_APP_ID: optional,
  TENCENTCLOUD_SMS_SIGN_NAME: optional,
  TENCENTCLOUD_SMS_TEMPLATE_ID: optional,
  ALIPAY_APP_ID: optional,
  ALIPAY_PRIVATE_KEY: optional,
  ALIPAY_PUBLIC_KEY: optional,
  // The public-key-certificate mode's three files (PEM), which Alipay's fund APIs require.
  ALIPAY_APP_CERT: optional,
  ALIPAY_PUBLIC_CERT: optional,
  ALIPAY_ROOT_CERT: optional,
  // Blank is absent, like the settings above; anything else must be https, because a typo must not
  // quietly send signed requests with names and ID numbers somewhere else.
  ALIPAY_GATEWAY: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), z.url({ protocol: /^https$/, error: "ALIPAY_GATEWAY must be an https URL" }).optional()),
  ALIYUN_ACCESS_KEY_ID: optional,
  ALIYUN_ACCESS_KEY_SECRET: optional,
  // Alipay's transfer to a corporate bank account (a separately contracted product) pays forward transfers.
  ALIPAY_FUND_TRANSFER: optional,
  // Our receiving account for reverse transfers, and the secret its bank adapter signs credits with.
  COLLECTION_ACCOUNT_NAME: optional,
  COLLECTION_ACCOUNT_NUMBER: optional,
  COLLECTION_BANK_NAME: optional,
  COLLECTION_INGEST_SECRET: optional,
  // Result tokens and evidence are signed with these; without them no verification can end usefully.
  SIGNING_KEYS: signingKeysSchema,
  // How long ID photos and liveness clips may stay in R2 at most (they go at once when a verification ends).
  MEDIA_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  RESULT_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // Cloudflare Access in front of /staff: the team domain (<team>.cloudflareaccess.com) and the
  // application's AUD tag. Without both, nobody signs in to the back office outside development.
  ACCESS_TEAM_DOMAIN: optional,
  ACCESS_AUD: optional,
  // Development and tests only (never read elsewhere): the key standing in for Access's, a private ES256 JWK.
  STAFF_DEV_KEY: z
    .string()
    .transform((v, ctx) => {
      try {
        const key = JSON.parse(v) as Record<string, unknown>;
        if (key.kty === "EC" && key.crv === "P-256" && typeof key.d === "string") return key as import("jose").JWK;
      } catch {}
      ctx.addIssue({ code: "custom", message: "STAFF_DEV_KEY must be a private P-256 JWK" });
      return z.NEVER;
    })
    .optional(),
  WEBHOOK_RETRY_SCHEDULE: retryScheduleSchema.default(() => [...DEFAULT_RETRY_SCHEDULE]),
});

export type Config = z.infer<typeof configSchema>;

const cache = new WeakMap<object, Config>();

export function readConfig(env: Env): Config {
  const hit = cache.get(env);
  if (hit) return hit;
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`configuration invalid: ${fields}`);
  }
  cache.set(env, parsed.data);
  return parsed.data;
}

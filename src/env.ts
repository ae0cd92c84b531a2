// The Worker's bindings and raw variables, as wrangler gives them. Parse them with `readConfig`
// before use: nothing outside src/config.ts reads a raw secret, except the Durable Objects' own
// narrow read of DATA_KEY (src/crypto/data-key-from-env.ts). Imports point one way: here → sessions.
import type { HandoffSession } from "./sessions/handoff-session";
import type { InvitationSession } from "./sessions/invitation-session";
import type { SmsCodeSession } from "./sessions/sms-code-session";

export interface Env {
  DB: D1Database;
  IMAGES: R2Bucket;
  SMS_CODES: DurableObjectNamespace<SmsCodeSession>;
  HANDOFFS: DurableObjectNamespace<HandoffSession>;
  INVITATIONS: DurableObjectNamespace<InvitationSession>;
  WEBHOOKS: Queue<unknown>;
  ASSETS: Fetcher;
  ENVIRONMENT?: string;
  ADMIN_TOKEN?: string;
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  STAFF_DEV_KEY?: string;
  DATA_KEY?: string;
  DEV_PARTNER_KEY?: string;
  PUBLIC_BASE_URL?: string;
  TENCENTCLOUD_SECRET_ID?: string;
  TENCENTCLOUD_SECRET_KEY?: string;
  TENCENTCLOUD_REGION?: string;
  TENCENTCLOUD_SMS_SDK_APP_ID?: string;
  TENCENTCLOUD_SMS_SIGN_NAME?: string;
  TENCENTCLOUD_SMS_TEMPLATE_ID?: string;
  ALIPAY_APP_ID?: string;
  ALIPAY_PRIVATE_KEY?: string;
  ALIPAY_PUBLIC_KEY?: string;
  ALIPAY_APP_CERT?: string;
  ALIPAY_PUBLIC_CERT?: string;
  ALIPAY_ROOT_CERT?: string;
  ALIPAY_GATEWAY?: string;
  ALIYUN_ACCESS_KEY_ID?: string;
  ALIYUN_ACCESS_KEY_SECRET?: string;
  /** "1": the Alipay app has the fund transfer to a bank account contracted (forward transfers in live mode). */
  ALIPAY_FUND_TRANSFER?: string;
  COLLECTION_ACCOUNT_NAME?: string;
  COLLECTION_ACCOUNT_NUMBER?: string;
  COLLECTION_BANK_NAME?: string;
  /** HMAC-SHA256 key of POST /v1/ingest/credits, per environment. */
  COLLECTION_INGEST_SECRET?: string;
  SIGNING_KEYS?: string;
  RESULT_TOKEN_TTL_DAYS?: string;
  WEBHOOK_RETRY_SCHEDULE?: string;
  /** "1" (development and test only): `npm run bench` counts each request's D1, DO and R2 use (bench/instrument.ts, in the bench Worker only). */
  BENCH_COUNT_QUERIES?: string;
}

// Builds the idempotent SQL that seeds the local demo partner and its test key. Local only:
// `npm start` and the e2e tests call it; no deploy path does.
import { createHash } from "node:crypto";

export const DEMO_PARTNER_ID = "ptn_demo0000000000000000000000";

export function demoPartnerSql(key, now = Date.now()) {
  if (!/^sk_test_[0-9A-Za-z]{24,64}$/.test(key)) throw new Error("DEV_PARTNER_KEY must look like sk_test_ followed by 24-64 letters or digits");
  const hash = createHash("sha256").update(key).digest("hex");
  return [
    `INSERT OR IGNORE INTO partners (id, name, created_at) VALUES ('${DEMO_PARTNER_ID}', 'Demo partner', ${now});`,
    `INSERT OR IGNORE INTO api_keys (id, partner_id, mode, key_hash, hint, created_at) VALUES ('key_demo0000000000000000000000', '${DEMO_PARTNER_ID}', 'test', '${hash}', '${key.slice(-4)}', ${now});`,
  ].join("\n");
}

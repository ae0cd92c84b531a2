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

export const DEMO_STAFF = { id: "stf_demo0000000000000000000000", email: "admin@shiming.localhost", name: "Demo admin" };

/** The seeded staff member: an admin, so every back-office page can be tried locally. */
export function demoStaffSql(now = Date.now()) {
  return `INSERT OR IGNORE INTO staff_members (id, email, name, role, created_at) VALUES ('${DEMO_STAFF.id}', '${DEMO_STAFF.email}', '${DEMO_STAFF.name}', 'admin', ${now});`;
}

/**
 * The development sign-in link: a token signed with STAFF_DEV_KEY, as Cloudflare Access would
 * sign one (src/staff/access.ts checks both the same way). Valid for a week; local only.
 */
export async function devSignInUrl(base, devKeyJson, email = DEMO_STAFF.email) {
  const { SignJWT, importJWK } = await import("jose");
  const jwk = JSON.parse(devKeyJson);
  const token = await new SignJWT({ email })
    .setProtectedHeader({ alg: "ES256", kid: jwk.kid })
    .setIssuer("https://access.shiming.localhost")
    .setAudience("shiming-staff-dev")
    .setIssuedAt()
    .setExpirationTime("7d")
    .sign(await importJWK(jwk, "ES256"));
  return `${base}/staff/dev-sign-in?token=${token}`;
}

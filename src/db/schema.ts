// The D1 schema, source of truth for drizzle-kit migrations.
// Personal data (names, ID numbers, phones, card numbers) is never stored in plaintext: `*_enc`
// holds AES-GCM ciphertext, `*_hash` a keyed HMAC for look-ups, `*_masked` what may be shown.
// Ciphertext is purged when a verification ends; masked forms and hashes remain.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const partners = sqliteTable("partners", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id").notNull().references(() => partners.id),
    mode: text("mode", { enum: ["test", "live"] }).notNull(),
    // SHA-256 of the whole key: keys are high-entropy, so a plain hash is enough and survives DATA_KEY rotation.
    keyHash: text("key_hash").notNull(),
    hint: text("hint").notNull(),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_key_hash").on(t.keyHash), index("api_keys_partner").on(t.partnerId)],
);

export const verifications = sqliteTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id").notNull().references(() => partners.id),
    livemode: integer("livemode", { mode: "boolean" }).notNull(),
    type: text("type", { enum: ["person", "organization"] }).notNull(),
    status: text("status").notNull(),
    methods: text("methods", { mode: "json" }).$type<string[]>().notNull(),
    method: text("method"),
    options: text("options", { mode: "json" }).$type<Record<string, boolean>>().notNull().default(sql`'{}'`),
    reference: text("reference"),
    redirectUrl: text("redirect_url"),
    locale: text("locale").notNull(),
    personNameEnc: text("person_name_enc"),
    personNameMasked: text("person_name_masked"),
    personIdNumberEnc: text("person_id_number_enc"),
    personIdNumberHash: text("person_id_number_hash"),
    personIdNumberMasked: text("person_id_number_masked"),
    personPhoneEnc: text("person_phone_enc"),
    personPhoneHash: text("person_phone_hash"),
    personPhoneMasked: text("person_phone_masked"),
    orgName: text("org_name"),
    orgCredentialCode: text("org_credential_code"),
    orgLegalRepNameEnc: text("org_legal_rep_name_enc"),
    orgLegalRepNameMasked: text("org_legal_rep_name_masked"),
    applicantId: text("applicant_id"),
    // Where the applicant stands inside the chosen method (e.g. awaiting_code), and the
    // encrypted form values that a pending step still needs; cleared when the step ends.
    step: text("step"),
    pendingEnc: text("pending_enc"),
    idImages: text("id_images", { mode: "json" }).$type<{ front?: string; back?: string }>(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    failureReason: text("failure_reason"),
    version: integer("version").notNull().default(1),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [
    index("verifications_partner_list").on(t.partnerId, t.livemode, t.createdAt, t.id),
    index("verifications_partner_reference").on(t.partnerId, t.livemode, t.reference),
    index("verifications_open_expiry").on(t.status, t.expiresAt),
  ],
);

// Append-only (triggers in the migration refuse UPDATE and DELETE). Never carries plaintext personal data.
export const verificationEvents = sqliteTable(
  "verification_events",
  {
    id: text("id").primaryKey(),
    verificationId: text("verification_id").notNull().references(() => verifications.id),
    partnerId: text("partner_id").notNull(),
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    actor: text("actor", { enum: ["partner", "applicant", "staff", "system"] }).notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("verification_events_verification").on(t.verificationId, t.createdAt)],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    partnerId: text("partner_id").notNull(),
    livemode: integer("livemode", { mode: "boolean" }).notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["in_progress", "done"] }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.livemode, t.key] }), index("idempotency_created").on(t.createdAt)],
);

// An applicant's account, identified by the phone they signed in with at app authorization.
export const applicants = sqliteTable(
  "applicants",
  {
    id: text("id").primaryKey(),
    phoneHash: text("phone_hash").notNull(),
    phoneMasked: text("phone_masked").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("applicants_phone_hash").on(t.phoneHash)],
);

// What an applicant agreed to, when and from where: evidence, so the IP is encrypted.
export const consents = sqliteTable(
  "consents",
  {
    id: text("id").primaryKey(),
    verificationId: text("verification_id").notNull().references(() => verifications.id),
    applicantId: text("applicant_id"),
    kind: text("kind").notNull(),
    textVersion: text("text_version").notNull(),
    textHash: text("text_hash").notNull(),
    ipEnc: text("ip_enc"),
    userAgent: text("user_agent"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("consents_verification").on(t.verificationId)],
);

// Test mode only: the messages the sandbox SMS provider "sent", for /v1/test_helpers/sms.
// Live messages are never stored. Swept after 24 hours.
export const sandboxSmsMessages = sqliteTable(
  "sandbox_sms_messages",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id").notNull(),
    phoneHash: text("phone_hash").notNull(),
    text: text("text").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("sandbox_sms_partner_phone").on(t.partnerId, t.phoneHash, t.createdAt)],
);

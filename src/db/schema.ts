// The D1 schema, source of truth for drizzle-kit migrations.
// Personal data (names, ID numbers, phones, card numbers) is never stored in plaintext: `*_enc`
// holds AES-GCM ciphertext, `*_hash` a keyed HMAC for look-ups, `*_masked` what may be shown.
// Ciphertext is purged when a verification ends; masked forms and hashes remain as evidence for
// 3 years, then the verification goes with everything naming it (src/maintenance/evidence-retention.ts).
import type { AuthorizationRecord } from "../domain/authorization/record";
import { sql } from "drizzle-orm";
import type { FlowState } from "../domain/flow/state";
import type { TransferRecord } from "../domain/transfer/record";
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
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
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
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    livemode: integer("livemode", { mode: "boolean" }).notNull(),
    type: text("type", { enum: ["person", "organization"] }).notNull(),
    status: text("status").notNull(),
    methods: text("methods", { mode: "json" }).$type<string[]>().notNull(),
    method: text("method"),
    options: text("options", { mode: "json" }).$type<Record<string, boolean | number>>().notNull().default(sql`'{}'`),
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
    // The legal representative's ID number when the operator (or partner) gave it: the 4-element check.
    orgLegalRepIdNumberEnc: text("org_legal_rep_id_number_enc"),
    orgLegalRepIdNumberHash: text("org_legal_rep_id_number_hash"),
    orgLegalRepIdNumberMasked: text("org_legal_rep_id_number_masked"),
    // The business registry's answer: its normalised status, and when the organization check passed.
    orgRegistryStatus: text("org_registry_status"),
    orgCheckedAt: integer("org_checked_at"),
    // Who acts for the organization (src/domain/organization/roles.ts), once the operator said.
    operatorRole: text("operator_role"),
    // The legal representative's authorization (法人授权认证): its invitation, and once signed its
    // letter's hash and R2 key (src/domain/authorization/record.ts). Never personal data.
    authorization: text("authorization", { mode: "json" }).$type<AuthorizationRecord>(),
    // A corporate transfer (对公打款认证): its account, payout or reference, and its letter's review
    // (src/domain/transfer/record.ts). Never an amount or a whole account number.
    transfer: text("transfer", { mode: "json" }).$type<TransferRecord>(),
    // The corporate account number a forward transfer pays, encrypted: needed to pay again, purged at the end.
    corporateAccountEnc: text("corporate_account_enc"),
    // A reverse transfer's reference (the remark code, or the virtual account): how a credit finds it.
    transferReference: text("transfer_reference"),
    applicantId: text("applicant_id"),
    // The flow's position (src/domain/flow/state.ts), one typed value; `status` and `method`
    // are derived from it and written beside it by the flow writer only.
    state: text("state", { mode: "json" }).$type<FlowState>().notNull().default(sql`'{"kind":"start"}'`),
    // A child verification (a person step inside an organization, a roster entry) names the
    // verification that waits on it and the role it plays there.
    parentId: text("parent_id"),
    parentRole: text("parent_role"),
    // The encrypted form values that a pending step still needs; cleared when the method ends.
    pendingEnc: text("pending_enc"),
    idImages: text("id_images", { mode: "json" }).$type<{ front?: string; back?: string }>(),
    // The desktop-to-phone handoff in progress (its Durable Object's name), if any.
    handoffId: text("handoff_id"),
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
    // App authorization looks up an applicant's earlier verifications for reuse.
    index("verifications_applicant").on(t.applicantId, t.status, t.completedAt),
    index("verifications_parent").on(t.parentId),
    // Staff case search, across partners: by reference, credit code, or an ID number's or phone's keyed hash.
    index("verifications_reference").on(t.reference),
    index("verifications_credential_code").on(t.orgCredentialCode),
    index("verifications_id_number_hash").on(t.personIdNumberHash),
    index("verifications_legal_rep_id_number_hash").on(t.orgLegalRepIdNumberHash),
    index("verifications_phone_hash").on(t.personPhoneHash),
    index("verifications_transfer_reference").on(t.transferReference),
    // The funnel's window across partners, grouped by day, method and status without the rows.
    index("verifications_created").on(t.createdAt, t.method, t.status, t.completedAt),
    // When it ended (an open one, once expired): the evidence sweep reads it oldest first
    // (src/maintenance/evidence-retention.ts) instead of scanning every verification each minute.
    index("verifications_ended").on(sql`coalesce(${t.completedAt}, ${t.expiresAt})`),
  ],
);

// Append-only (triggers in the migrations refuse UPDATE, and DELETE until 3 years after the
// verification ended: migrations/0011). Never carries plaintext personal data.
export const verificationEvents = sqliteTable(
  "verification_events",
  {
    id: text("id").primaryKey(),
    verificationId: text("verification_id")
      .notNull()
      .references(() => verifications.id),
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
    verificationId: text("verification_id")
      .notNull()
      .references(() => verifications.id),
    applicantId: text("applicant_id"),
    kind: text("kind").notNull(),
    textVersion: text("text_version").notNull(),
    textHash: text("text_hash").notNull(),
    // The full address, encrypted, while the verification is open; purged when it ends.
    ipEnc: text("ip_enc"),
    // Its network only (maskIp), what the evidence shows and what stays.
    ipMasked: text("ip_masked"),
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
  // The second index serves the cron's 24-hour sweep, which would otherwise read the whole table.
  (t) => [index("sandbox_sms_partner_phone").on(t.partnerId, t.phoneHash, t.createdAt), index("sandbox_sms_created").on(t.createdAt)],
);

// The payout sandbox's "bank": each test-mode payout as a bank would keep it, amount included, so
// the test helpers can read and settle it (src/providers/payout/sandbox.ts). Test mode only.
export const sandboxPayouts = sqliteTable(
  "sandbox_payouts",
  {
    reference: text("reference").primaryKey(),
    amountFen: integer("amount_fen").notNull(),
    status: text("status", { enum: ["requested", "paid", "failed", "refunded"] }).notNull(),
    failure: text("failure"),
    paidAt: integer("paid_at"),
    arrivalBy: integer("arrival_by"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("sandbox_payouts_created").on(t.createdAt)],
);

// Every credit the collection reported (反向打款), matched or not: one that matches no verification
// is kept for staff (不明来账), never dropped. The bank's serial is the key, so a notification told
// twice is stored once. The payer's name and account are encrypted (a payer may be a person).
export const incomingCredits = sqliteTable(
  "incoming_credits",
  {
    creditId: text("credit_id").primaryKey(),
    livemode: integer("livemode", { mode: "boolean" }).notNull(),
    creditedAccount: text("credited_account").notNull(),
    amountFen: integer("amount_fen").notNull(),
    payerNameEnc: text("payer_name_enc").notNull(),
    payerNameMasked: text("payer_name_masked").notNull(),
    payerAccountMasked: text("payer_account_masked").notNull(),
    remark: text("remark").notNull(),
    bookedAt: integer("booked_at").notNull(),
    receivedAt: integer("received_at").notNull(),
    // matched: it verified this verification's payment; unmatched: no verification's reference;
    // refused: a verification's reference, but the payer or the amount is wrong (its reason).
    outcome: text("outcome", { enum: ["matched", "unmatched", "refused"] }).notNull(),
    verificationId: text("verification_id"),
    reason: text("reason"),
  },
  (t) => [index("incoming_credits_outcome").on(t.outcome, t.receivedAt), index("incoming_credits_verification").on(t.verificationId)],
);

// Where a partner wants webhooks, per mode. Secrets are stored encrypted (we must sign with
// them, so a hash would not do); the previous secret keeps signing for 24 h after a rotation.
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    livemode: integer("livemode", { mode: "boolean" }).notNull(),
    url: text("url").notNull(),
    // null: every event type, including types added later.
    events: text("events", { mode: "json" }).$type<string[]>(),
    secretEnc: text("secret_enc").notNull(),
    previousSecretEnc: text("previous_secret_enc"),
    previousSecretExpiresAt: integer("previous_secret_expires_at"),
    status: text("status", { enum: ["enabled", "disabled"] })
      .notNull()
      .default("enabled"),
    disabledReason: text("disabled_reason"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [index("webhook_endpoints_partner").on(t.partnerId, t.livemode, t.createdAt)],
);

// The outbox and the partner-visible event list at once. A row is written in the same D1 batch
// as the status change it reports; `queued_at` stays null until the queue accepted it, so the
// cron sweep can send what a crash left behind. `body` holds the exact bytes every delivery signs.
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id").notNull(),
    livemode: integer("livemode", { mode: "boolean" }).notNull(),
    verificationId: text("verification_id").notNull(),
    type: text("type").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
    queuedAt: integer("queued_at"),
  },
  (t) => [
    index("webhook_events_partner_list").on(t.partnerId, t.livemode, t.createdAt, t.id),
    index("webhook_events_unqueued").on(t.createdAt).where(sql`queued_at is null`),
    // The evidence sweep deletes a verification's events, deliveries and attempts together.
    index("webhook_events_verification").on(t.verificationId),
  ],
);

// One event owed to one endpoint, and where its retries stand. `next_attempt_at` is also the
// lease: claiming an attempt moves it forward, so two consumers never send the same attempt.
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id").notNull(),
    endpointId: text("endpoint_id").notNull(),
    manual: integer("manual", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: ["pending", "succeeded", "dead", "abandoned"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // The automatic fan-out happens once per endpoint, however often the event message arrives.
    uniqueIndex("webhook_deliveries_fan_out").on(t.eventId, t.endpointId).where(sql`manual = 0`),
    index("webhook_deliveries_due").on(t.status, t.nextAttemptAt),
    // The fan-out index is partial (manual = 0): the evidence sweep needs every delivery of an event.
    index("webhook_deliveries_event").on(t.eventId),
  ],
);

// The delivery log: every attempt, with the first 1 KB of what the receiver answered.
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id").notNull(),
    endpointId: text("endpoint_id").notNull(),
    eventId: text("event_id").notNull(),
    attempt: integer("attempt").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    error: text("error"),
    latencyMs: integer("latency_ms").notNull(),
    attemptedAt: integer("attempted_at").notNull(),
  },
  (t) => [index("webhook_attempts_endpoint").on(t.endpointId, t.attemptedAt, t.id), index("webhook_attempts_event").on(t.eventId)],
);

// Shiming's own staff, signed in by Cloudflare Access (their email) and kept here with a role:
// reviewer (review queue, case search) or admin (also partners, keys, webhooks, staff). A revoked
// member is refused at once, whatever their Access session says.
export const staffMembers = sqliteTable("staff_members", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["reviewer", "admin"] }).notNull(),
  createdAt: integer("created_at").notNull(),
  revokedAt: integer("revoked_at"),
});

// Every staff action, append-only (triggers in the migration refuse UPDATE and DELETE): who, what,
// when, on which object. Never carries plaintext personal data (a search by ID number is logged
// by the kind of query, not its value).
export const staffAudit = sqliteTable(
  "staff_audit",
  {
    id: text("id").primaryKey(),
    staffId: text("staff_id").notNull(),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("staff_audit_object").on(t.objectType, t.objectId, t.createdAt), index("staff_audit_staff").on(t.staffId, t.createdAt)],
);

// Items waiting for a person's decision (issue 13): for now a business licence uploaded for an
// organization the registry does not know yet. The file sits in R2 (`object_key`) until the
// decision, never longer; a claim (`claimed_by` until `claimed_until`) keeps two reviewers apart,
// and the decision is a guarded update on a pending row, so exactly one of two at once wins.
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    verificationId: text("verification_id")
      .notNull()
      .references(() => verifications.id),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    // authorization_letter: a corporate transfer's stamped letter (授权书).
    kind: text("kind", { enum: ["business_licence", "authorization_letter"] }).notNull(),
    // withdrawn: its verification ended before anyone decided (src/maintenance/ended-reviews.ts).
    status: text("status", { enum: ["pending", "approved", "rejected", "withdrawn"] }).notNull(),
    objectKey: text("object_key"),
    contentType: text("content_type").notNull(),
    claimedBy: text("claimed_by"),
    claimedUntil: integer("claimed_until"),
    decidedBy: text("decided_by"),
    decision: text("decision", { enum: ["approve", "reject"] }),
    reason: text("reason"),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
    decidedAt: integer("decided_at"),
  },
  (t) => [index("reviews_queue").on(t.status, t.createdAt), index("reviews_verification").on(t.verificationId, t.status)],
);

// The funnel's daily roll-up: how many verifications created on a Beijing day stand, per partner,
// at each key of src/domain/funnel/key.ts (method, status with every open one as `open`, detail,
// time-to-verify bucket). The batches that create and move verifications keep it
// (src/db/funnel-rollup.ts), so the funnel sums a few hundred rows instead of grouping the window.
// Counts only, nothing about a person: it outlives the verifications it counted.
export const funnelDaily = sqliteTable(
  "funnel_daily",
  {
    day: text("day").notNull(),
    partnerId: text("partner_id").notNull(),
    // '' before a method is chosen (a key column cannot be null and still conflict).
    method: text("method").notNull(),
    status: text("status").notNull(),
    // failed: the reason ('' without one); expired, canceled: the step left at; otherwise ''.
    detail: text("detail").notNull(),
    // verified: the time-to-verify bucket (src/domain/funnel/durations.ts), -1 unknown; otherwise 0.
    bucket: integer("bucket").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.partnerId, t.method, t.status, t.detail, t.bucket] }), index("funnel_daily_partner").on(t.partnerId, t.day)],
);

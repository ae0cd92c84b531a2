-- Evidence is kept for 3 years after its verification ends, then deleted (the general limitation
-- period for civil claims, 《民法典》第一百八十八条). The event log and the consents stay
-- append-only but for that one delete: a row may go only once its verification ended (completed_at,
-- or expires_at for one never closed) more than 1,095 days ago by the database's own clock, so no
-- Worker clock or bug can delete younger evidence. 1,095 days is EVIDENCE_RETENTION_MS in
-- src/maintenance/evidence-retention.ts: change both together.
DROP TRIGGER `verification_events_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `verification_events_no_delete` BEFORE DELETE ON `verification_events`
WHEN NOT EXISTS (
  SELECT 1 FROM `verifications` v
  WHERE v.`id` = OLD.`verification_id`
    AND coalesce(v.`completed_at`, v.`expires_at`) < CAST(strftime('%s','now') AS INTEGER) * 1000 - 1095 * 86400000
)
BEGIN
  SELECT RAISE(ABORT, 'verification_events is append-only');
END;
--> statement-breakpoint
DROP TRIGGER `consents_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `consents_no_delete` BEFORE DELETE ON `consents`
WHEN NOT EXISTS (
  SELECT 1 FROM `verifications` v
  WHERE v.`id` = OLD.`verification_id`
    AND coalesce(v.`completed_at`, v.`expires_at`) < CAST(strftime('%s','now') AS INTEGER) * 1000 - 1095 * 86400000
)
BEGIN
  SELECT RAISE(ABORT, 'consents is append-only');
END;

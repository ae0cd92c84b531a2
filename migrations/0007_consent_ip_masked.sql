ALTER TABLE `consents` ADD `ip_masked` text;
--> statement-breakpoint
-- Consents stay append-only but for one change: when a verification ends its consents lose the
-- full IP (ip_enc to NULL) and keep its network (ip_masked). Any other change is refused; a
-- column added to consents later must be added to this list.
DROP TRIGGER `consents_no_update`;
--> statement-breakpoint
CREATE TRIGGER `consents_no_update` BEFORE UPDATE ON `consents`
WHEN NEW.`id` IS NOT OLD.`id`
  OR NEW.`verification_id` IS NOT OLD.`verification_id`
  OR NEW.`applicant_id` IS NOT OLD.`applicant_id`
  OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`text_version` IS NOT OLD.`text_version`
  OR NEW.`text_hash` IS NOT OLD.`text_hash`
  OR NEW.`ip_masked` IS NOT OLD.`ip_masked`
  OR NEW.`user_agent` IS NOT OLD.`user_agent`
  OR NEW.`created_at` IS NOT OLD.`created_at`
  OR (NEW.`ip_enc` IS NOT NULL AND NEW.`ip_enc` IS NOT OLD.`ip_enc`)
BEGIN
  SELECT RAISE(ABORT, 'consents is append-only (only the full IP may be purged)');
END;

-- drizzle-kit 0.31 quotes an expression index as one column name (`coalesce("completed_at"`,…):
-- the first statement is corrected by hand; the snapshot holds the expression as drizzle wrote it.
CREATE INDEX `verifications_ended` ON `verifications` (coalesce(`completed_at`, `expires_at`));--> statement-breakpoint
CREATE INDEX `webhook_attempts_event` ON `webhook_attempts` (`event_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_event` ON `webhook_deliveries` (`event_id`);--> statement-breakpoint
CREATE INDEX `webhook_events_verification` ON `webhook_events` (`verification_id`);

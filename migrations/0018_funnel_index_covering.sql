DROP INDEX `verifications_created`;--> statement-breakpoint
CREATE INDEX `verifications_created` ON `verifications` (`created_at`,`method`,`status`,`completed_at`);
ALTER TABLE `verifications` ADD `org_legal_rep_id_number_enc` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `org_legal_rep_id_number_hash` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `org_legal_rep_id_number_masked` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `org_registry_status` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `org_checked_at` integer;--> statement-breakpoint
ALTER TABLE `verifications` ADD `operator_role` text;
CREATE TABLE `staff_audit` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`action` text NOT NULL,
	`object_type` text,
	`object_id` text,
	`data` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_audit_object` ON `staff_audit` (`object_type`,`object_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `staff_audit_staff` ON `staff_audit` (`staff_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `staff_members` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_members_email_unique` ON `staff_members` (`email`);--> statement-breakpoint
CREATE INDEX `verifications_reference` ON `verifications` (`reference`);--> statement-breakpoint
CREATE INDEX `verifications_credential_code` ON `verifications` (`org_credential_code`);--> statement-breakpoint
CREATE INDEX `verifications_id_number_hash` ON `verifications` (`person_id_number_hash`);--> statement-breakpoint
CREATE INDEX `verifications_legal_rep_id_number_hash` ON `verifications` (`org_legal_rep_id_number_hash`);--> statement-breakpoint
CREATE INDEX `verifications_phone_hash` ON `verifications` (`person_phone_hash`);
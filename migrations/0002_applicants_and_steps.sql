CREATE TABLE `applicants` (
	`id` text PRIMARY KEY NOT NULL,
	`phone_hash` text NOT NULL,
	`phone_masked` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applicants_phone_hash` ON `applicants` (`phone_hash`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`verification_id` text NOT NULL,
	`applicant_id` text,
	`kind` text NOT NULL,
	`text_version` text NOT NULL,
	`text_hash` text NOT NULL,
	`ip_enc` text,
	`user_agent` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`verification_id`) REFERENCES `verifications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_verification` ON `consents` (`verification_id`);--> statement-breakpoint
CREATE TABLE `sandbox_sms_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`phone_hash` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sandbox_sms_partner_phone` ON `sandbox_sms_messages` (`partner_id`,`phone_hash`,`created_at`);--> statement-breakpoint
ALTER TABLE `verifications` ADD `step` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `pending_enc` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `id_images` text;
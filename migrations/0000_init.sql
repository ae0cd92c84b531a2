CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`mode` text NOT NULL,
	`key_hash` text NOT NULL,
	`hint` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_partner` ON `api_keys` (`partner_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`partner_id` text NOT NULL,
	`livemode` integer NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`partner_id`, `livemode`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_created` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verification_events` (
	`id` text PRIMARY KEY NOT NULL,
	`verification_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`type` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`actor` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`verification_id`) REFERENCES `verifications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `verification_events_verification` ON `verification_events` (`verification_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`livemode` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`methods` text NOT NULL,
	`method` text,
	`options` text DEFAULT '{}' NOT NULL,
	`reference` text,
	`redirect_url` text,
	`locale` text NOT NULL,
	`person_name_enc` text,
	`person_name_masked` text,
	`person_id_number_enc` text,
	`person_id_number_hash` text,
	`person_id_number_masked` text,
	`person_phone_enc` text,
	`person_phone_hash` text,
	`person_phone_masked` text,
	`org_name` text,
	`org_credential_code` text,
	`org_legal_rep_name_enc` text,
	`org_legal_rep_name_masked` text,
	`applicant_id` text,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`failure_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `verifications_partner_list` ON `verifications` (`partner_id`,`livemode`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `verifications_partner_reference` ON `verifications` (`partner_id`,`livemode`,`reference`);--> statement-breakpoint
CREATE INDEX `verifications_open_expiry` ON `verifications` (`status`,`expires_at`);
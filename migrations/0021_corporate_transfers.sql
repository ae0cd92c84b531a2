CREATE TABLE `incoming_credits` (
	`credit_id` text PRIMARY KEY NOT NULL,
	`livemode` integer NOT NULL,
	`credited_account` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`payer_name_enc` text NOT NULL,
	`payer_name_masked` text NOT NULL,
	`payer_account_masked` text NOT NULL,
	`remark` text NOT NULL,
	`booked_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`verification_id` text,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `incoming_credits_outcome` ON `incoming_credits` (`outcome`,`received_at`);--> statement-breakpoint
CREATE INDEX `incoming_credits_verification` ON `incoming_credits` (`verification_id`);--> statement-breakpoint
CREATE TABLE `sandbox_payouts` (
	`reference` text PRIMARY KEY NOT NULL,
	`amount_fen` integer NOT NULL,
	`status` text NOT NULL,
	`failure` text,
	`paid_at` integer,
	`arrival_by` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sandbox_payouts_created` ON `sandbox_payouts` (`created_at`);--> statement-breakpoint
ALTER TABLE `verifications` ADD `transfer` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `corporate_account_enc` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `transfer_reference` text;--> statement-breakpoint
CREATE INDEX `verifications_transfer_reference` ON `verifications` (`transfer_reference`);
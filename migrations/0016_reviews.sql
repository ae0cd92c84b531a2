CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`verification_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`object_key` text,
	`content_type` text NOT NULL,
	`claimed_by` text,
	`claimed_until` integer,
	`decided_by` text,
	`decision` text,
	`reason` text,
	`note` text,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`verification_id`) REFERENCES `verifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reviews_queue` ON `reviews` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_verification` ON `reviews` (`verification_id`,`status`);
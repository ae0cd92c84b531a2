ALTER TABLE `verifications` ADD `state` text DEFAULT '{"kind":"start"}' NOT NULL;--> statement-breakpoint
ALTER TABLE `verifications` ADD `parent_id` text;--> statement-breakpoint
ALTER TABLE `verifications` ADD `parent_role` text;--> statement-breakpoint
CREATE INDEX `verifications_parent` ON `verifications` (`parent_id`);--> statement-breakpoint
-- Backfill: the old free-text `step` (with status and method) becomes the flow's one typed state.
UPDATE `verifications` SET `state` = CASE
  WHEN `status` IN ('verified', 'failed', 'canceled', 'expired') THEN json_object('kind', `status`, 'method', `method`)
  WHEN `status` = 'pending' AND `step` = 'reuse_declined' THEN '{"kind":"choose_method"}'
  WHEN `status` = 'pending' OR `method` IS NULL THEN '{"kind":"start"}'
  ELSE json_object(
    'kind', 'step',
    'method', `method`,
    'step', CASE `step` WHEN 'awaiting_code' THEN 'sms_code' WHEN 'awaiting_phone' THEN 'handoff' WHEN 'awaiting_id_images' THEN 'id_photos' ELSE 'form' END,
    'plan', json(CASE
      WHEN `method` = 'face' THEN '["form","handoff"]'
      WHEN `method` = 'bankcard4' AND json_extract(`options`, '$.collect_id_images') THEN '["form","sms_code","id_photos"]'
      ELSE '["form","sms_code"]'
    END))
END;

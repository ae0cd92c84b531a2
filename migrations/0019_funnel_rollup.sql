CREATE TABLE `funnel_daily` (
	`day` text NOT NULL,
	`partner_id` text NOT NULL,
	`method` text NOT NULL,
	`status` text NOT NULL,
	`detail` text NOT NULL,
	`bucket` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `partner_id`, `method`, `status`, `detail`, `bucket`)
);
--> statement-breakpoint
CREATE INDEX `funnel_daily_partner` ON `funnel_daily` (`partner_id`,`day`);
--> statement-breakpoint
-- The backfill: what the verifications already say, by the rules of src/domain/funnel/key.ts, with
-- the bucket edges of DURATION_EDGES in src/domain/funnel/durations.ts. bench/funnel.mjs runs this
-- statement again after seeding verifications straight into D1.
WITH edges(ms) AS (VALUES (1000), (1189), (1414), (1682), (2000), (2378), (2828), (3364), (4000), (4757), (5657), (6727), (8000), (9514), (11314), (13454), (16000), (19027), (22627), (26909), (32000), (38055), (45255), (53817), (64000), (76109), (90510), (107635), (128000), (152219), (181019), (215269), (256000), (304437), (362039), (430539), (512000), (608874), (724077), (861078), (1024000), (1217748), (1448155), (1722156), (2048000), (2435496), (2896309), (3444312), (4096000), (4870992), (5792619), (6888623), (8192000), (9741985), (11585238), (13777247), (16384000), (19483969), (23170475), (27554494), (32768000), (38967939), (46340950), (55108987), (65536000), (77935877), (92681900), (110217975), (131072000))
INSERT INTO `funnel_daily` (`day`, `partner_id`, `method`, `status`, `detail`, `bucket`, `n`)
SELECT
	date(v.created_at / 1000, 'unixepoch', '+8 hours'),
	v.partner_id,
	coalesce(v.method, ''),
	CASE WHEN v.status IN ('verified', 'failed', 'expired', 'canceled') THEN v.status ELSE 'open' END,
	CASE v.status
		WHEN 'failed' THEN coalesce(v.failure_reason, '')
		WHEN 'expired' THEN coalesce(json_extract(v.state, '$.at'), 'unknown')
		WHEN 'canceled' THEN coalesce(json_extract(v.state, '$.at'), 'unknown')
		ELSE ''
	END,
	CASE
		WHEN v.status <> 'verified' THEN 0
		WHEN v.completed_at IS NULL THEN -1
		ELSE (SELECT count(*) FROM edges WHERE edges.ms <= v.completed_at - v.created_at)
	END,
	count(*)
FROM `verifications` v
GROUP BY 1, 2, 3, 4, 5, 6;

-- The verification event log is append-only: history is evidence, so the database itself refuses edits.
CREATE TRIGGER `verification_events_no_update` BEFORE UPDATE ON `verification_events`
BEGIN
  SELECT RAISE(ABORT, 'verification_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `verification_events_no_delete` BEFORE DELETE ON `verification_events`
BEGIN
  SELECT RAISE(ABORT, 'verification_events is append-only');
END;

-- Consents are evidence, like the event log: the database refuses to change or remove them.
CREATE TRIGGER `consents_no_update` BEFORE UPDATE ON `consents`
BEGIN
  SELECT RAISE(ABORT, 'consents is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consents_no_delete` BEFORE DELETE ON `consents`
BEGIN
  SELECT RAISE(ABORT, 'consents is append-only');
END;

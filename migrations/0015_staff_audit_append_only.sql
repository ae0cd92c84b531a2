-- The staff audit log is append-only: what staff did is evidence, so the database itself refuses edits.
CREATE TRIGGER `staff_audit_no_update` BEFORE UPDATE ON `staff_audit`
BEGIN
  SELECT RAISE(ABORT, 'staff_audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `staff_audit_no_delete` BEFORE DELETE ON `staff_audit`
BEGIN
  SELECT RAISE(ABORT, 'staff_audit is append-only');
END;

// What every back-office handler reads of its request: the page language (the browser's), who is
// signed in as the views show them, and the audit row for what they did.
import type { Context } from "hono";
import { type AuditEntry, auditInsert } from "../db/staff";
import { apiLocale } from "../http/api-messages";
import type { StaffEnv } from "./guard";

export const staffLocale = (c: Context<StaffEnv>) => apiLocale(c.req.header("accept-language"));

export const viewerOf = (c: Context<StaffEnv>) => ({ name: c.var.staff.name, role: c.var.staff.role });

export const audit = (c: Context<StaffEnv>, entry: AuditEntry) => auditInsert(c.var.db, c.var.staff.id, entry, c.var.now);

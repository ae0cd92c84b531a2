// Request shapes of the operator API.
import { z } from "zod";

export const createPartnerRequest = z.strictObject({ name: z.string().trim().min(1).max(128) });
export const createKeyRequest = z.strictObject({ mode: z.enum(["test", "live"]) });

export const staffRole = z.enum(["reviewer", "admin"]);
export const createStaffRequest = z.strictObject({ email: z.email().max(254), name: z.string().trim().min(1).max(64), role: staffRole });
export const updateStaffRequest = z.strictObject({ role: staffRole });

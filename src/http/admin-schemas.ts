// Request shapes of the operator API.
import { z } from "zod";

export const createPartnerRequest = z.strictObject({ name: z.string().trim().min(1).max(128) });
export const createKeyRequest = z.strictObject({ mode: z.enum(["test", "live"]) });

// The licence reading a review was opened with, read back from its `review.requested` event for the
// reviewer's page. Parsed, not trusted: an event from before readings were kept, or of another
// shape, answers null and the page says no reading was made.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { verificationEvents } from "../db/schema";
import type { LicenceReading } from "./licence-reading";

const WARNINGS = ["duplicate", "photocopy", "reshoot", "electronic", "not_a_licence", "other"] as const;

const readingSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("read"),
    provider: z.string(),
    serial: z.string(),
    name: z.string(),
    credit_code: z.string(),
    legal_rep_name_masked: z.string(),
    type: z.string(),
    address: z.string(),
    registered_capital: z.string(),
    established_on: z.string(),
    business_term: z.string(),
    warnings: z.array(z.enum(WARNINGS)),
    matches: z.object({ name: z.boolean(), credit_code: z.boolean(), legal_rep_name: z.boolean() }),
  }),
  z.object({
    status: z.enum(["not_configured", "unavailable", "unreadable", "not_a_licence", "unsupported_file"]),
    provider: z.string(),
    serial: z.string(),
  }),
]);

export function parseLicenceReading(data: Record<string, unknown>): LicenceReading | null {
  const parsed = readingSchema.safeParse(data.licence_reading);
  return parsed.success ? parsed.data : null;
}

export async function storedLicenceReading(db: Database, verificationId: string, reviewId: string): Promise<LicenceReading | null> {
  const rows = await db
    .select({ data: verificationEvents.data })
    .from(verificationEvents)
    .where(and(eq(verificationEvents.verificationId, verificationId), eq(verificationEvents.type, "review.requested")));
  const event = rows.find((r) => r.data.review_id === reviewId);
  return event ? parseLicenceReading(event.data) : null;
}

// The business registry's last answer for a verification, as its evidence recorded it (never what
// was sent): the licence action checks that the registry's answer allows a person's review, and
// the reviewer sees it beside what the operator typed.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { verificationEvents } from "../db/schema";

export type RegistryAnswer = Record<string, unknown>;

export async function lastRegistryAnswer(db: Database, verificationId: string): Promise<RegistryAnswer | null> {
  const rows = await db
    .select({ data: verificationEvents.data })
    .from(verificationEvents)
    .where(and(eq(verificationEvents.verificationId, verificationId), eq(verificationEvents.type, "provider.call")))
    .orderBy(desc(verificationEvents.createdAt), desc(verificationEvents.id))
    .limit(20);
  return rows.map((r) => r.data).find((d) => d.capability === "business_registry") ?? null;
}

/** The org check's reason for that answer: `org_not_found`, `org_moved`, … (null for a pass or a fault). */
export function registryReason(answer: RegistryAnswer | null): string | null {
  if (!answer) return null;
  if (answer.outcome === "no_match" && typeof answer.reason === "string") return answer.reason;
  if (answer.outcome === "match" && typeof answer.registry_status === "string" && answer.registry_status !== "active") return `org_${answer.registry_status}`;
  return null;
}

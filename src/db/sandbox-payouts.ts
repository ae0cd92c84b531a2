// The payout sandbox's store: its "bank" in D1. Test mode only; the sandbox provider and the test
// helpers are its only users.
import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { sandboxPayouts } from "./schema";

export type SandboxPayment = typeof sandboxPayouts.$inferSelect;
export type SandboxSettlement = "paid" | "failed" | "refunded";

/** A sandbox payment arrives the next day, as a corporate account's usually does. */
const ARRIVAL_MS = 24 * 3_600_000;

export interface SandboxPayoutStore {
  /** Records a payment once: a second put of the same reference answers the first. */
  put(payment: Pick<SandboxPayment, "reference" | "amountFen" | "status" | "failure">): Promise<SandboxPayment>;
  get(reference: string): Promise<SandboxPayment | null>;
}

export function sandboxPayoutStore(db: Database, now: number): SandboxPayoutStore {
  return {
    async put(payment) {
      await db
        .insert(sandboxPayouts)
        .values({ ...payment, paidAt: null, arrivalBy: null, createdAt: now })
        .onConflictDoNothing()
        .run();
      return (await db.select().from(sandboxPayouts).where(eq(sandboxPayouts.reference, payment.reference)).get())!;
    },
    async get(reference) {
      return (await db.select().from(sandboxPayouts).where(eq(sandboxPayouts.reference, reference)).get()) ?? null;
    },
  };
}

/**
 * The test helper's settle: the bank reports the payment paid, failed, or returned after it was
 * paid (a refund keeps when it was paid). Answers null when no such payment was sent.
 */
export async function settleSandboxPayout(db: Database, reference: string, outcome: SandboxSettlement, now: number): Promise<SandboxPayment | null> {
  const payment = await db.select().from(sandboxPayouts).where(eq(sandboxPayouts.reference, reference)).get();
  if (!payment) return null;
  const patch =
    outcome === "paid"
      ? { status: "paid" as const, paidAt: now, arrivalBy: now + ARRIVAL_MS, failure: null }
      : outcome === "failed"
        ? { status: "failed" as const, failure: "bank_refused" }
        : { status: "refunded" as const, failure: "returned_by_bank", paidAt: payment.paidAt ?? now };
  await db.update(sandboxPayouts).set(patch).where(eq(sandboxPayouts.reference, reference)).run();
  return { ...payment, ...patch };
}

// The incoming credits' rows: a matched one is written in the flow's own guarded batch, so a
// credit is "matched" exactly when its verification's move won.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { incomingCredits, verifications } from "./schema";
import type { VerificationRow } from "./verifications";

export type IncomingCreditRow = typeof incomingCredits.$inferSelect;

export function guardedCreditInsert(db: Database, r: IncomingCreditRow, guard: SQL) {
  return db.insert(incomingCredits).select(
    db
      .select({
        creditId: sql`${r.creditId}`.as("credit_id"),
        livemode: sql`${r.livemode ? 1 : 0}`.as("livemode"),
        creditedAccount: sql`${r.creditedAccount}`.as("credited_account"),
        amountFen: sql`${r.amountFen}`.as("amount_fen"),
        payerNameEnc: sql`${r.payerNameEnc}`.as("payer_name_enc"),
        payerNameMasked: sql`${r.payerNameMasked}`.as("payer_name_masked"),
        payerAccountMasked: sql`${r.payerAccountMasked}`.as("payer_account_masked"),
        remark: sql`${r.remark}`.as("remark"),
        bookedAt: sql`${r.bookedAt}`.as("booked_at"),
        receivedAt: sql`${r.receivedAt}`.as("received_at"),
        outcome: sql`${r.outcome}`.as("outcome"),
        verificationId: verifications.id,
        reason: sql`null`.as("reason"),
      })
      .from(verifications)
      .where(guard),
  );
}

export function creditOutcome(db: Database, creditId: string) {
  return db.select({ outcome: incomingCredits.outcome, verificationId: incomingCredits.verificationId }).from(incomingCredits).where(eq(incomingCredits.creditId, creditId)).get();
}

/** Keeps a credit that verified nothing (unmatched, or refused with its reason) for staff; a second telling changes nothing. */
export async function keepCredit(db: Database, r: IncomingCreditRow) {
  await db.insert(incomingCredits).values(r).onConflictDoNothing().run();
}

/** The verification a reverse transfer's reference names, in one mode. */
export async function verificationByTransferReference(db: Database, reference: string, livemode: boolean): Promise<VerificationRow | null> {
  return (
    (await db
      .select()
      .from(verifications)
      .where(and(eq(verifications.transferReference, reference), eq(verifications.livemode, livemode)))
      .get()) ?? null
  );
}

export type KeptCreditOutcome = "unmatched" | "refused";

/** The credits that verified nothing (不明来账), newest first, for staff: by the (outcome, received_at) index. */
export function listKeptCredits(db: Database, q: { outcome: KeptCreditOutcome; livemode: boolean; limit: number }) {
  return db
    .select({
      creditId: incomingCredits.creditId,
      creditedAccount: incomingCredits.creditedAccount,
      amountFen: incomingCredits.amountFen,
      payerNameMasked: incomingCredits.payerNameMasked,
      payerAccountMasked: incomingCredits.payerAccountMasked,
      remark: incomingCredits.remark,
      bookedAt: incomingCredits.bookedAt,
      receivedAt: incomingCredits.receivedAt,
      verificationId: incomingCredits.verificationId,
      reason: incomingCredits.reason,
    })
    .from(incomingCredits)
    .where(and(eq(incomingCredits.outcome, q.outcome), eq(incomingCredits.livemode, q.livemode)))
    .orderBy(desc(incomingCredits.receivedAt), desc(incomingCredits.creditId))
    .limit(q.limit)
    .all();
}

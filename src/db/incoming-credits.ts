// The incoming credits' rows: a matched one is written in the flow's own guarded batch, so a
// credit is "matched" exactly when its verification's move won.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { incomingCredits, verifications } from "./schema";

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

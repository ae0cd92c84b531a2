// The credits kept for staff (/staff/credits, 不明来账): payments into the collection account that
// verified nothing, either naming no verification (unmatched) or refused by the one they name
// (the payer or the amount wrong). Staff find the payer here to refund or follow up.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { listKeptCredits } from "../db/incoming-credits";
import { beijingMinute } from "../domain/clock";
import { formatYuan } from "../domain/transfer/amount";
import { requireStaff, type StaffEnv, staffHeaders } from "../staff/guard";
import { staffLocale, viewerOf } from "../staff/request";
import { CreditsPage } from "../../views/staff/credits";

export const staffCredits = new Hono<StaffEnv>();

const LIMIT = 100;

export const creditsQuery = z.object({
  outcome: z.enum(["unmatched", "refused"]).catch("unmatched"),
  mode: z.enum(["live", "test"]).catch("live"),
});

staffCredits.get("/staff/credits", staffHeaders, requireStaff(), async (c: Context<StaffEnv>) => {
  const q = creditsQuery.parse(c.req.query());
  const rows = await listKeptCredits(c.var.db, { outcome: q.outcome, livemode: q.mode === "live", limit: LIMIT });
  const view = {
    ...q,
    limit: LIMIT,
    credits: rows.map((r) => ({
      id: r.creditId,
      amount: formatYuan(r.amountFen),
      payer: r.payerNameMasked,
      payerAccount: r.payerAccountMasked,
      creditedAccount: r.creditedAccount,
      remark: r.remark,
      bookedAt: beijingMinute(r.bookedAt),
      receivedAt: beijingMinute(r.receivedAt),
      verificationId: r.verificationId,
      reason: r.reason,
    })),
  };
  return c.html(<CreditsPage locale={staffLocale(c)} viewer={viewerOf(c)} view={view} />);
});

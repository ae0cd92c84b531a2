// Test-mode helpers on the partner API. /v1/test_helpers/sms shows what the sandbox "sent" to a
// phone, code included, as the phone would show it. For live keys the route does not exist.
import { and, desc, eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { text } from "../http/api-messages";
import { ProblemError } from "../http/problem";
import { parseOrThrow, readJson } from "../http/validation";
import { getVerification } from "../db/verifications";
import { sandboxPayoutStore, settleSandboxPayout } from "../db/sandbox-payouts";
import { formatYuan } from "../domain/transfer/amount";
import { providersFor } from "../providers/select";
import { refreshPayout } from "../transfer/refresh";
import { receiveCredit } from "../transfer/credits";
import { randomString } from "../crypto/random";
import { sandboxSmsMessages } from "../db/schema";
import { iso } from "../domain/clock";
import { maskPhone } from "../domain/masking";
import { incomingCreditRequest, sandboxSmsQuery, settlePayoutRequest } from "../http/v1/transfer-schemas";

export const testHelpers = new Hono<AppEnv>();

testHelpers.get("/test_helpers/sms", async (c) => {
  if (c.var.partner.livemode) throw new ProblemError("not_found", text("detail.test_helpers_live"));
  const { phone } = parseOrThrow(sandboxSmsQuery, c.req.query(), "query");
  const rows = await c.var.db
    .select()
    .from(sandboxSmsMessages)
    .where(and(eq(sandboxSmsMessages.partnerId, c.var.partner.partnerId), eq(sandboxSmsMessages.phoneHash, await c.var.cipher.hash("phone", phone))))
    .orderBy(desc(sandboxSmsMessages.createdAt), desc(sandboxSmsMessages.id))
    .limit(20)
    .all();
  return c.json({
    object: "list",
    data: rows.map((r) => ({ object: "sandbox_sms", phone: maskPhone(phone), text: r.text, created_at: iso(r.createdAt) })),
  });
});

/** The forward transfer's payout in the sandbox, as its bank holds it: the amount sent included (test mode only). */
async function sandboxPayoutOf(c: Context<AppEnv>) {
  if (c.var.partner.livemode) throw new ProblemError("not_found", text("detail.test_helpers_live"));
  const id = c.req.param("id") ?? "";
  const row = await getVerification(c.var.db, c.var.partner, id);
  if (!row) throw new ProblemError("not_found", text("detail.verification_not_found", { id }));
  const reference = row.transfer?.direction === "forward" ? row.transfer.payout?.reference : undefined;
  if (!reference) throw new ProblemError("invalid_state", text("detail.no_payout"));
  const payment = await sandboxPayoutStore(c.var.db, c.var.now).get(reference);
  if (!payment) throw new ProblemError("invalid_state", text("detail.no_payout"));
  return { row, payment };
}

const payoutBody = (payment: { status: string; amountFen: number }) => ({ object: "sandbox_payout", status: payment.status, amount: formatYuan(payment.amountFen) });

testHelpers.get("/test_helpers/verifications/:id/payout", async (c) => c.json(payoutBody((await sandboxPayoutOf(c)).payment)));

testHelpers.post("/test_helpers/verifications/:id/payout/settle", async (c) => {
  const { outcome } = parseOrThrow(settlePayoutRequest, await readJson(c), "body");
  const { row, payment } = await sandboxPayoutOf(c);
  const settled = await settleSandboxPayout(c.var.db, payment.reference, outcome, c.var.now);
  // As the bank's notice would: the payout is asked about now, not at the next sweep.
  const payout = providersFor({ livemode: false }, c.var.config, { sandboxPayouts: sandboxPayoutStore(c.var.db, c.var.now) }).payout;
  await refreshPayout({ db: c.var.db, env: c.env, now: c.var.now, payout }, row);
  return c.json(payoutBody(settled ?? payment));
});

/** A credit as the bank would report it, through the same matching as POST /v1/ingest/credits (test mode). */
testHelpers.post("/test_helpers/verifications/:id/incoming_credit", async (c) => {
  if (c.var.partner.livemode) throw new ProblemError("not_found", text("detail.test_helpers_live"));
  const input = parseOrThrow(incomingCreditRequest, await readJson(c), "body");
  const id = c.req.param("id");
  const row = await getVerification(c.var.db, c.var.partner, id);
  if (!row) throw new ProblemError("not_found", text("detail.verification_not_found", { id }));
  if (row.transfer?.direction !== "reverse") throw new ProblemError("invalid_state", text("detail.no_reverse_transfer"));
  const creditId = `sbx_credit_${randomString(16)}`;
  const received = await receiveCredit(
    { db: c.var.db, env: c.env, cipher: c.var.cipher, now: c.var.now },
    {
      creditId,
      creditedAccount: row.transfer.payInto.accountNumber,
      amountFen: Math.round(Number(input.amount ?? "0.01") * 100),
      payerName: input.payer_name ?? row.orgName ?? "",
      payerAccount: "310066726018800000000",
      remark: input.reference ?? row.transfer.reference,
      bookedAt: c.var.now,
    },
    false,
  );
  return c.json({ object: "sandbox_credit", credit_id: creditId, outcome: received.outcome, reason: received.reason ?? null });
});

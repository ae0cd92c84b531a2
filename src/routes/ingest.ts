// POST /v1/ingest/credits: the collection bank's adapter reports credits in our normalised shape
// (docs/collection.md), signed with the environment's COLLECTION_INGEST_SECRET. Answered 2xx only
// once every credit is stored; a credit told again answers its first outcome, changing nothing.
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { text } from "../http/api-messages";
import { ProblemError } from "../http/problem";
import { parseOrThrow } from "../http/validation";
import { receiveCredit } from "../transfer/credits";
import { verifyIngest } from "../transfer/ingest-signature";
import { ingestCreditsRequest } from "../http/v1/transfer-schemas";

export const ingest = new Hono<AppEnv>();

ingest.post("/ingest/credits", async (c) => {
  const secret = c.var.config.COLLECTION_INGEST_SECRET;
  const raw = await c.req.text();
  const verdict = secret ? await verifyIngest(secret, c.req.header("shiming-signature"), raw, c.var.now) : { ok: false as const, reason: "missing" as const };
  if (!verdict.ok) throw new ProblemError("unauthorized", text(`detail.ingest_signature_${verdict.reason}`));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ProblemError("invalid_json", text("detail.invalid_json"));
  }
  const body = parseOrThrow(ingestCreditsRequest, json, "body");
  const ctx = { db: c.var.db, env: c.env, cipher: c.var.cipher, now: c.var.now };
  const results = [];
  for (const credit of body.credits) {
    const received = await receiveCredit(
      ctx,
      {
        creditId: credit.credit_id,
        creditedAccount: credit.credited_account,
        amountFen: credit.amount,
        payerName: credit.payer_name,
        payerAccount: credit.payer_account,
        remark: credit.remark,
        bookedAt: Date.parse(credit.booked_at),
      },
      body.livemode,
    );
    results.push({ credit_id: credit.credit_id, outcome: received.outcome, ...(received.reason ? { reason: received.reason } : {}) });
  }
  return c.json({ object: "list", data: results }, 200);
});

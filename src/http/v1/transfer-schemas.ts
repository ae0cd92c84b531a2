// The request and answer bodies of the routes the corporate transfers add to the API: the bank
// adapter's credits (POST /v1/ingest/credits) and the test helpers that play the bank in test
// mode. The routes validate with them and the OpenAPI document is generated from them.
import { z } from "zod";
import { mobileNumber } from "../../schemas/identifiers";

const yuan = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/)
  .transform((v) => Math.round(Number(v) * 100));

export const ingestCredit = z.strictObject({
  credit_id: z.string().min(1).max(64).meta({ description: "The bank's serial for the credit: a credit is stored once by it." }),
  credited_account: z.string().min(1).max(40).meta({ description: "The account credited: ours, or the virtual sub-account given to one verification." }),
  amount: yuan.meta({ description: 'Yuan, as a decimal string: "0.01".' }),
  currency: z.literal("CNY").default("CNY"),
  payer_name: z.string().min(1).max(128),
  payer_account: z.string().min(1).max(40),
  remark: z.string().max(140).default("").meta({ description: "附言, where the payer puts the remark code (SM + 8 characters)." }),
  booked_at: z.iso.datetime({ offset: true }),
});

export const ingestCreditsRequest = z.strictObject({
  livemode: z.boolean().default(true),
  credits: z.array(ingestCredit).min(1).max(100),
});

const creditOutcome = z.enum(["matched", "unmatched", "refused", "duplicate"]);

export const ingestCreditsAnswer = z.object({
  object: z.literal("list"),
  data: z.array(z.object({ credit_id: z.string(), outcome: creditOutcome, reason: z.string().optional() })),
});

export const sandboxSmsQuery = z.strictObject({ phone: mobileNumber });

export const sandboxSmsList = z.object({
  object: z.literal("list"),
  data: z.array(z.object({ object: z.literal("sandbox_sms"), phone: z.string().meta({ description: "Masked" }), text: z.string(), created_at: z.string() })),
});

export const sandboxPayoutObject = z.object({
  object: z.literal("sandbox_payout"),
  status: z.enum(["requested", "paid", "failed", "refunded"]),
  amount: z.string().meta({ description: 'The amount sent, in yuan: "0.37". Test mode only: live payouts keep only a keyed hash of it.' }),
});

export const settlePayoutRequest = z.strictObject({ outcome: z.enum(["paid", "failed", "refunded"]) });

export const incomingCreditRequest = z.strictObject({
  payer_name: z.string().min(1).max(128).optional().meta({ description: "Default: the checked organization's name." }),
  amount: z
    .string()
    .regex(/^\d{1,6}(\.\d{1,2})?$/)
    .optional()
    .meta({ description: 'Default: "0.01".' }),
  reference: z.string().max(140).optional().meta({ description: "The remark (附言). Default: this verification's remark code." }),
});

export const sandboxCreditObject = z.object({
  object: z.literal("sandbox_credit"),
  credit_id: z.string(),
  outcome: creditOutcome,
  reason: z.string().nullable(),
});

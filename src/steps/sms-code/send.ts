// Sending and checking SMS codes for a verification: the one place codes go out, for sign-in and
// for every method's code step alike. The Durable Object per phone (and per IP) decides; this
// module sends through the SMS provider and records evidence, never the code.
import { newId } from "../../crypto/random";
import { sandboxSmsMessages } from "../../db/schema";
import type { BatchItem } from "drizzle-orm/batch";
import { appendEvent, type EventInput, eventInsert } from "../../db/verifications";
import type { CheckOutcome, CodePurpose } from "../../domain/sms/code";
import { smsText } from "../../domain/sms/message";
import type { FlowContext } from "../../flow/context";

export type SendOutcome = { ok: true; expiresAt: number } | { ok: false; reason: string; retryAfterSeconds?: number };

type Owner = { id: string; partnerId: string };

const DEFAULT_SIGN_NAME = "实名认证";

function sessionFor(ctx: FlowContext, name: string) {
  return ctx.env.SMS_CODES.get(ctx.env.SMS_CODES.idFromName(name));
}

async function phoneSession(ctx: FlowContext, phone: string) {
  return sessionFor(ctx, `phone:${await ctx.cipher.hash("phone", phone)}`);
}

/**
 * Issues a code and sends it, and answers the records of what happened (the event, and in test
 * mode the sandbox's copy of the message) for the caller to write with its own change.
 */
/** What a code is for: the Durable Object's purpose key, and the words the SMS says it with. */
export interface CodeUse {
  purpose: CodePurpose;
  text: string;
}

export async function issueAndSend(ctx: FlowContext, owner: Owner, phone: string, use: CodeUse): Promise<{ outcome: SendOutcome; records: BatchItem<"sqlite">[] }> {
  const { purpose } = use;
  const ipSlot = await sessionFor(ctx, `ip:${await ctx.cipher.hash("ip", ctx.client.ip)}`).takeSendSlot("ip");
  if (!ipSlot.ok) return { outcome: { ok: false, reason: ipSlot.reason, retryAfterSeconds: Math.ceil(ipSlot.retryAfterMs / 1000) }, records: [] };
  const session = await phoneSession(ctx, phone);
  const issued = await session.issueCode(owner.id, purpose);
  if (!issued.ok) return { outcome: { ok: false, reason: issued.reason, retryAfterSeconds: Math.ceil(issued.retryAfterMs / 1000) }, records: [] };

  const message = smsText(ctx.config.TENCENTCLOUD_SMS_SIGN_NAME ?? DEFAULT_SIGN_NAME, use.text, issued.code);
  const answer = await ctx.providers.sms.send({ phone, ...message });
  if (answer.outcome !== "sent") {
    await session.releaseSend(issued.sendId);
    const failed = eventInsert(ctx.db, owner, { type: "sms.failed", actor: "system", data: { purpose, provider: answer.provider, outcome: answer.outcome } }, ctx.now);
    return { outcome: { ok: false, reason: answer.outcome === "rejected" ? "phone_rejected" : "provider_unavailable" }, records: [failed] };
  }
  const records: BatchItem<"sqlite">[] = [eventInsert(ctx.db, owner, { type: "sms.sent", actor: "system", data: { purpose, provider: answer.provider, serial: answer.serial } }, ctx.now)];
  if (!ctx.livemode && answer.sandboxCopy) {
    const copy = { id: newId("sms"), partnerId: owner.partnerId, phoneHash: await ctx.cipher.hash("phone", phone), text: answer.sandboxCopy.text, createdAt: ctx.now };
    records.push(ctx.db.insert(sandboxSmsMessages).values(copy));
  }
  return { outcome: { ok: true, expiresAt: issued.expiresAt }, records };
}

/** Issues and sends a code and writes its records at once (one round trip). */
export async function sendCode(ctx: FlowContext, owner: Owner, phone: string, use: CodeUse): Promise<SendOutcome> {
  const { outcome, records } = await issueAndSend(ctx, owner, phone, use);
  const [first, ...rest] = records;
  if (first) await ctx.db.batch([first, ...rest]);
  return outcome;
}

/**
 * Checks a code. A wrong one is recorded at once; a right one answers its evidence event for the
 * caller to write in the same batch as what the code unlocks (one D1 round trip, not two).
 */
export async function checkCode(ctx: FlowContext, owner: Owner, phone: string, purpose: CodePurpose, code: string): Promise<{ outcome: CheckOutcome; evidence: EventInput }> {
  const outcome = await (await phoneSession(ctx, phone)).checkCode(owner.id, purpose, code);
  const evidence: EventInput = { type: "sms.checked", actor: "applicant", data: { purpose, outcome: outcome.ok ? "correct" : outcome.reason } };
  if (!outcome.ok) await appendEvent(ctx.db, owner, evidence, ctx.now);
  return { outcome, evidence };
}

/** Whether a code for this verification and purpose can still be entered, and when another may be sent (a read). */
export async function codeStatus(ctx: FlowContext, owner: Owner, phone: string, purpose: CodePurpose) {
  return (await phoneSession(ctx, phone)).status(owner.id, purpose);
}

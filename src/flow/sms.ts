// Sending and checking SMS codes for a verification: the one place codes go out, for sign-in and
// for every method's code step alike. The Durable Object per phone (and per IP) decides; this
// module sends through the SMS provider and records evidence, never the code.
import { newId } from "../crypto/random";
import { sandboxSmsMessages } from "../db/schema";
import type { BatchItem } from "drizzle-orm/batch";
import { appendEvent, type EventInput, eventInsert } from "../db/verifications";
import type { CheckOutcome, CodePurpose } from "../domain/sms/code";
import { smsText } from "../domain/sms/message";
import type { FlowContext } from "./context";

export type SendOutcome = { ok: true; expiresAt: number } | { ok: false; reason: string; retryAfterSeconds?: number };

type Owner = { id: string; partnerId: string };

const DEFAULT_SIGN_NAME = "实名认证";

function sessionFor(ctx: FlowContext, name: string) {
  return ctx.env.SMS_CODES.get(ctx.env.SMS_CODES.idFromName(name));
}

async function phoneSession(ctx: FlowContext, phone: string) {
  return sessionFor(ctx, `phone:${await ctx.cipher.hash("phone", phone)}`);
}

/** Messages without a code keep their own count, so a link just sent never makes the code it leads to wait. */
async function messageSession(ctx: FlowContext, phone: string) {
  return sessionFor(ctx, `message:${await ctx.cipher.hash("phone", phone)}`);
}

/** When another message (not a code) may go to this phone, in ms from now (0: now). */
export async function nextMessageInMs(ctx: FlowContext, owner: Owner, phone: string): Promise<number> {
  return (await (await messageSession(ctx, phone)).status(owner.id, "message")).nextSendInMs;
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
  const ipSlot = await takeIpSlot(ctx);
  if (!ipSlot.ok) return { outcome: ipSlot, records: [] };
  const session = await phoneSession(ctx, phone);
  const issued = await session.issueCode(owner.id, purpose);
  if (!issued.ok) return { outcome: { ok: false, reason: issued.reason, retryAfterSeconds: Math.ceil(issued.retryAfterMs / 1000) }, records: [] };
  const message = smsText(signName(ctx), use.text, issued.code);
  const delivered = await deliver(ctx, owner, phone, message, purpose);
  if (!delivered.ok) await session.releaseSend(issued.sendId);
  return { outcome: delivered.ok ? { ok: true, expiresAt: issued.expiresAt } : delivered.outcome, records: delivered.records };
}

const signName = (ctx: FlowContext) => ctx.config.TENCENTCLOUD_SMS_SIGN_NAME ?? DEFAULT_SIGN_NAME;

async function takeIpSlot(ctx: FlowContext): Promise<{ ok: true } | { ok: false; reason: string; retryAfterSeconds: number }> {
  const slot = await sessionFor(ctx, `ip:${await ctx.cipher.hash("ip", ctx.client.ip)}`).takeSendSlot("ip");
  return slot.ok ? { ok: true } : { ok: false, reason: slot.reason, retryAfterSeconds: Math.ceil(slot.retryAfterMs / 1000) };
}

/** Hands the message to the gateway: the records of what happened (and in test mode the sandbox's copy). */
async function deliver(ctx: FlowContext, owner: Owner, phone: string, message: { text: string; templateParams: string[] }, purpose: string) {
  const answer = await ctx.providers.sms.send({ phone, ...message });
  if (answer.outcome !== "sent") {
    const failed = eventInsert(ctx.db, owner, { type: "sms.failed", actor: "system", data: { purpose, provider: answer.provider, outcome: answer.outcome } }, ctx.now);
    const outcome: SendOutcome = { ok: false, reason: answer.outcome === "rejected" ? "phone_rejected" : "provider_unavailable" };
    return { ok: false as const, outcome, records: [failed] };
  }
  const records: BatchItem<"sqlite">[] = [eventInsert(ctx.db, owner, { type: "sms.sent", actor: "system", data: { purpose, provider: answer.provider, serial: answer.serial } }, ctx.now)];
  if (!ctx.livemode && answer.sandboxCopy) {
    const copy = { id: newId("sms"), partnerId: owner.partnerId, phoneHash: await ctx.cipher.hash("phone", phone), text: answer.sandboxCopy.text, createdAt: ctx.now };
    records.push(ctx.db.insert(sandboxSmsMessages).values(copy));
  }
  return { ok: true as const, records };
}

/**
 * Sends a message that carries no code (a signing link), under the same limits as codes: the
 * phone's and the IP's. Answers its records for the caller's batch.
 */
export async function sendMessage(
  ctx: FlowContext,
  owner: Owner,
  phone: string,
  purpose: string,
  text: (signName: string) => { text: string; templateParams: string[] },
): Promise<{ outcome: { ok: true } | { ok: false; reason: string; retryAfterSeconds?: number }; records: BatchItem<"sqlite">[] }> {
  const ipSlot = await takeIpSlot(ctx);
  if (!ipSlot.ok) return { outcome: ipSlot, records: [] };
  const session = await messageSession(ctx, phone);
  const slot = await session.takeSendSlot("phone");
  if (!slot.ok) return { outcome: { ok: false, reason: slot.reason, retryAfterSeconds: Math.ceil(slot.retryAfterMs / 1000) }, records: [] };
  const delivered = await deliver(ctx, owner, phone, text(signName(ctx)), purpose);
  if (!delivered.ok) await session.releaseSend(slot.sendId);
  return { outcome: delivered.ok ? { ok: true } : delivered.outcome, records: delivered.records };
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

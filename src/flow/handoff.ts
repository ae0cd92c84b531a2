// The desktop-to-phone handoff, as every step that needs a phone uses it: open one (in the
// change that enters the step), show its link to the desktop, and let a phone in. One handoff per
// verification at a time; the Durable Object holds its state, the row names the current one.
import { sha256Hex, timingSafeEqual } from "../crypto/hash";
import { randomString } from "../crypto/random";
import { appendEvent, getVerificationForApplicant } from "../db/verifications";
import { currentMethodStep } from "../domain/flow/state";
import { MAX_FAILED_ATTEMPTS } from "../domain/flow/transition";
import { isTerminal } from "../domain/handoff/machine";
import { maskName } from "../domain/masking";
import { pendingOf } from "./pending";
import { groupedCode, LINK_CODE_TTL_MS, newHandoffId, newLinkCode, readLinkCode } from "../handoff/link-code";
import type { HandoffPurpose, HandoffRecord } from "../sessions/handoff-session";
import type { ApplicantRow } from "./applicant";
import type { FlowContext } from "./context";
import { beginChange, type Change, note, set, write } from "./writer";

/** A handoff outlives one link (5 min) but not the desktop's patience: 30 minutes, at most the verification's life. */
export const HANDOFF_LIFETIME_MS = 30 * 60_000;

/** A link shown again must still leave the applicant time to scan it; below this, a new one is signed. */
export const LINK_REUSE_MIN_MS = 2 * 60_000;

export function handoffStub(ctx: Pick<FlowContext, "env">, handoffId: string) {
  return ctx.env.HANDOFFS.get(ctx.env.HANDOFFS.idFromName(handoffId));
}

/**
 * A document sent from the phone for a person's review (a licence, a letter): the phone's part is
 * done (the desktop moves on to the review's wait), not the review, so the handoff ends passed.
 */
export async function documentSentFromPhone(ctx: Pick<FlowContext, "env">, handoffId: string): Promise<void> {
  const stub = handoffStub(ctx, handoffId);
  await stub.apply({ type: "start_capture" });
  await stub.apply({ type: "submit" });
  await stub.apply({ type: "check_passed" });
}

/** Opens a new handoff as part of a change: the row names it and the log says so, in that change's write. */
export async function openHandoff(ctx: FlowContext, ch: Change<ApplicantRow>, purpose: HandoffPurpose): Promise<HandoffRecord> {
  const expiresAt = Math.min(ch.base.expiresAt, ctx.now + HANDOFF_LIFETIME_MS);
  let record: HandoffRecord | null = null;
  // The id is short enough to type (45 bits); one that another verification holds now is drawn again.
  for (let draw = 0; draw < 3 && record?.verificationId !== ch.base.id; draw++) {
    const handoffId = newHandoffId();
    record = await handoffStub(ctx, handoffId).init({ handoffId, verificationId: ch.base.id, purpose, expiresAt });
  }
  if (!record || record.verificationId !== ch.base.id) throw new Error("no free handoff id");
  const { handoffId } = record;
  set(ch, { handoffId });
  note(ch, { type: "handoff.created", actor: "system", data: { purpose } });
  return record;
}

/** A fresh QR code for `purpose`: a new link on the same handoff, or a new handoff. Answers the row as it is now. */
export async function refreshHandoff(ctx: FlowContext, row: ApplicantRow, purpose: HandoffPurpose): Promise<ApplicantRow | null> {
  let record = row.handoffId ? await handoffStub(ctx, row.handoffId).get() : null;
  let current = row;
  if (!record || record.purpose !== purpose || isTerminal(record.state)) {
    const ch = beginChange(ctx.db, row, ctx.now);
    record = await openHandoff(ctx, ch, purpose);
    const written = await write(ctx, ch);
    // Another tab made the verification's handoff first: that one stands.
    if (!written.ok) return null;
    current = written.row;
  }
  await issueLink(ctx, record.handoffId);
  return current;
}

/** The keyed check that ends every link code. */
const codeTag = (ctx: Pick<FlowContext, "cipher">) => (value: string) => ctx.cipher.hash("handoff_link", value);

/** A new link for the handoff's QR code; the one before stops working at once. */
async function issueLink(ctx: FlowContext, handoffId: string): Promise<HandoffRecord | null> {
  const { code, secret } = await newLinkCode(codeTag(ctx), handoffId);
  return handoffStub(ctx, handoffId).issueToken(secret, { url: `${ctx.origin}/p/${code}`, expiresAt: ctx.now + LINK_CODE_TTL_MS });
}

export interface DesktopHandoff {
  record: HandoffRecord;
  /** Present while the phone has not opened a link yet. */
  link?: { url: string; code: string; expiresAt: number; minutesLeft: number; secondsLeft: number };
}

function linkFor(ctx: FlowContext, url: string, expiresAt: number): DesktopHandoff["link"] {
  const left = Math.max(0, expiresAt - ctx.now);
  return { url, code: groupedCode(url.slice(url.lastIndexOf("/") + 1)), expiresAt, minutesLeft: Math.max(1, Math.ceil(left / 60_000)), secondsLeft: Math.floor(left / 1000) };
}

/** The panel a step's view shows for its handoff (expired when there is none to show). */
export function handoffPanel(shown: DesktopHandoff | null, purpose: HandoffPurpose, row: { failedAttempts: number }) {
  return {
    state: shown?.record.state ?? "expired",
    link: shown?.link,
    lastFailure: shown?.record.lastFailure ?? null,
    failures: shown?.record.failures ?? 0,
    purpose,
    attemptsLeft: triesLeft(row),
  };
}

/**
 * The row's handoff as the desktop shows it. Reading it may write the Durable Object, never D1:
 * a new 5-minute link token when the shown one is about to lapse (the token's own short life),
 * and a new life for a handoff that expired while the desktop waited (the same object the row
 * names, so the flow does not move and a GET of the page still writes nothing to D1).
 */
export async function desktopHandoff(ctx: FlowContext, row: ApplicantRow, purpose: HandoffPurpose): Promise<DesktopHandoff | null> {
  if (!row.handoffId) return null;
  const stub = handoffStub(ctx, row.handoffId);
  let record = await stub.get();
  if (!record || record.state === "expired") {
    record = await stub.renew({ handoffId: row.handoffId, verificationId: row.id, purpose: record?.purpose ?? purpose, expiresAt: Math.min(row.expiresAt, ctx.now + HANDOFF_LIFETIME_MS) });
  }
  if (record.state !== "waiting") return { record };
  const shown = record.currentLink;
  // A link made under another origin (a tunnel, a renamed host) would send the phone elsewhere.
  if (shown?.url.startsWith(`${ctx.origin}/p/`) && shown.expiresAt - ctx.now >= LINK_REUSE_MIN_MS) return { record, link: linkFor(ctx, shown.url, shown.expiresAt) };
  const issued = await issueLink(ctx, record.handoffId);
  if (!issued?.currentLink) return { record };
  return { record: issued, link: linkFor(ctx, issued.currentLink.url, issued.currentLink.expiresAt) };
}

export type LinkOutcome = { ok: true; cookie: string; record: HandoffRecord } | { ok: false; reason: "used" | "replaced" | "ended" | "expired" | "invalid" };

/** The phone opens a link (or types its code): its secret is exchanged once for a session secret (kept as a hash). */
export async function openLink(ctx: FlowContext, code: string): Promise<LinkOutcome> {
  const named = await readLinkCode(codeTag(ctx), code);
  if (!named) return { ok: false, reason: "invalid" };
  const secret = randomString(32);
  const stub = handoffStub(ctx, named.handoffId);
  const opened = await stub.open(named.secret, await sha256Hex(secret));
  if (!opened.ok) {
    if (opened.reason === "unknown") return { ok: false, reason: "invalid" };
    // A link used once more after its step ended is no reason to ask for a new QR code.
    const record = opened.reason === "ended" ? null : await stub.get();
    return { ok: false, reason: record && isTerminal(record.state) ? "ended" : opened.reason };
  }
  const row = await getVerificationForApplicant(ctx.db, opened.record.verificationId);
  if (row) await appendEvent(ctx.db, row, { type: "handoff.opened", actor: "applicant", data: { user_agent: ctx.client.userAgent.slice(0, 120) } }, ctx.now);
  return { ok: true, cookie: `${named.handoffId}.${secret}`, record: opened.record };
}

/** Whose verification a phone is doing, for its pages: the partner, and the person's name masked. */
export async function phoneAbout(ctx: FlowContext, s: PhoneSession): Promise<{ partner: string; person: string | null }> {
  const at = currentMethodStep(s.row.state);
  const pending = at ? await pendingOf(ctx.cipher, s.row, at.method) : null;
  // Before its form is filled on the phone (legal_rep_quick), the person is the one pre-filled.
  return { partner: s.row.partnerName, person: pending?.input.name ? maskName(pending.input.name) : s.row.personNameMasked };
}

export interface PhoneSession {
  record: HandoffRecord;
  row: ApplicantRow;
}

export async function readPhoneSession(ctx: FlowContext, cookie: string | undefined): Promise<PhoneSession | null> {
  const [handoffId, secret] = (cookie ?? "").split(".");
  if (!handoffId || !secret) return null;
  const record = await handoffStub(ctx, handoffId).session(await sha256Hex(secret));
  return record ? sessionOf(ctx, record) : null;
}

/**
 * A handoff with its verification, if the verification still follows it: an older one (replaced,
 * or of another step) keeps its pages but can change nothing.
 */
export async function sessionOf(ctx: FlowContext, record: HandoffRecord): Promise<PhoneSession | null> {
  const row = await getVerificationForApplicant(ctx.db, record.verificationId);
  return row && row.handoffId === record.handoffId ? { record, row } : null;
}

/** Whether the phone cookie is the session of this handoff, without asking the Durable Object again. */
export async function cookieHolds(cookie: string | undefined, record: HandoffRecord): Promise<boolean> {
  const [handoffId, secret] = (cookie ?? "").split(".");
  return handoffId === record.handoffId && !!secret && record.sessionHash !== null && timingSafeEqual(await sha256Hex(secret), record.sessionHash);
}

/** The verification's tries left, said beside a failed try on the phone as on the desktop. */
export function triesLeft(row: { failedAttempts: number }): number {
  return Math.max(0, MAX_FAILED_ATTEMPTS - row.failedAttempts);
}

// The legal representative's invitation, as the authorization method uses it: open one (in the
// change that enters the method), show its link to the operator, send it by SMS, let the legal
// representative's browser in once, and tell the operator's page where things stand. The Durable
// Object holds the link and the session; the verification's record holds the facts.
import { sha256Hex } from "../crypto/hash";
import { randomString } from "../crypto/random";
import { getVerificationForApplicant } from "../db/verifications";
import { type AuthorizationRecord, INVITATION_LIFETIME_MS } from "../domain/authorization/record";
import { maskIp } from "../domain/masking";
import { newHandoffId, newLinkCode, readLinkCode } from "../handoff/link-code";
import type { InvitationRecord } from "../sessions/invitation-session";
import type { ApplicantRow } from "./applicant";
import type { FlowContext } from "./context";
import { beginChange, type Change, note, set, write } from "./writer";

export function invitationStub(ctx: Pick<FlowContext, "env">, invitationId: string) {
  return ctx.env.INVITATIONS.get(ctx.env.INVITATIONS.idFromName(invitationId));
}

const codeTag = (ctx: Pick<FlowContext, "cipher">) => (value: string) => ctx.cipher.hash("invitation_link", value);

/** The path of the legal representative's pages; `/a/{code}` is the link itself. */
export const INVITATION_PATH = "/a";

/**
 * A new invitation as part of a change: its object, its first link, its record on the row, and
 * the verification's expiry moved to outlive it. The invitation before (asked again) is voided.
 */
export async function openInvitation(ctx: FlowContext, ch: Change<ApplicantRow>): Promise<void> {
  const previous = ch.row.authorization;
  const expiresAt = ctx.now + INVITATION_LIFETIME_MS;
  let record: InvitationRecord | null = null;
  for (let draw = 0; draw < 3 && record?.verificationId !== ch.base.id; draw++) {
    const invitationId = newHandoffId();
    record = await invitationStub(ctx, invitationId).init({ invitationId, verificationId: ch.base.id, expiresAt });
  }
  if (!record || record.verificationId !== ch.base.id) throw new Error("no free invitation id");
  await issueLink(ctx, record.invitationId);
  if (previous && !previous.signedAt) await invitationStub(ctx, previous.invitationId).void();
  const authorization: AuthorizationRecord = { invitationId: record.invitationId, expiresAt };
  set(ch, { authorization, expiresAt: Math.max(ch.row.expiresAt, expiresAt) });
  note(ch, { type: "authorization.invited", actor: "system", data: { invitation_id: record.invitationId, expires_at: new Date(expiresAt).toISOString() } });
}

/** A new link for the invitation; the one before stops working at once. */
export async function issueLink(ctx: FlowContext, invitationId: string): Promise<InvitationRecord | null> {
  const { code, secret } = await newLinkCode(codeTag(ctx), invitationId);
  return invitationStub(ctx, invitationId).issueLink(secret, `${ctx.origin}${INVITATION_PATH}/${code}`);
}

/** The row's invitation as its Durable Object holds it, with a link made under this origin. */
export async function currentInvitation(ctx: FlowContext, row: ApplicantRow): Promise<InvitationRecord | null> {
  const id = row.authorization?.invitationId;
  if (!id) return null;
  const record = await invitationStub(ctx, id).get();
  // A link made under another origin (a tunnel, a renamed host) would send the phone elsewhere.
  if (record?.currentLink && !record.currentLink.startsWith(`${ctx.origin}${INVITATION_PATH}/`) && !record.sessionHash) return issueLink(ctx, id);
  return record;
}

export type InvitationLinkOutcome = { ok: true; cookie: string; record: InvitationRecord } | { ok: false; reason: "used" | "replaced" | "ended" | "expired" | "invalid" };

/**
 * The legal representative opens the link: its secret is exchanged once for a session secret
 * (kept as a hash). The opening is recorded (time, IP network, browser) and the operator told.
 */
export async function openInvitationLink(ctx: FlowContext, code: string): Promise<InvitationLinkOutcome> {
  const named = await readLinkCode(codeTag(ctx), code);
  if (!named) return { ok: false, reason: "invalid" };
  const secret = randomString(32);
  const opened = await invitationStub(ctx, named.handoffId).open(named.secret, await sha256Hex(secret));
  if (!opened.ok) return { ok: false, reason: opened.reason === "unknown" ? "invalid" : opened.reason };
  const row = await getVerificationForApplicant(ctx.db, opened.record.verificationId);
  if (row?.authorization?.invitationId === named.handoffId) {
    const ch = beginChange(ctx.db, row, ctx.now);
    if (!row.authorization.openedAt) set(ch, { authorization: { ...row.authorization, openedAt: ctx.now } });
    note(ch, { type: "authorization.opened", actor: "applicant", data: { role: "legal_representative", ...clientFacts(ctx) } });
    await write(ctx, ch);
  }
  return { ok: true, cookie: `${named.handoffId}.${secret}`, record: opened.record };
}

/** Where a legal representative's act came from, as the evidence keeps it: the IP's network only, and the browser. */
export function clientFacts(ctx: Pick<FlowContext, "client">) {
  return { ip_network: maskIp(ctx.client.ip), user_agent: ctx.client.userAgent.slice(0, 200) };
}

export interface InvitationSessionFound {
  record: InvitationRecord;
  row: ApplicantRow;
}

/** The legal representative's session: their invitation, and the verification if it still follows that invitation. */
export async function readInvitationSession(ctx: FlowContext, cookie: string | undefined): Promise<InvitationSessionFound | null> {
  const [invitationId, secret] = (cookie ?? "").split(".");
  if (!invitationId || !secret) return null;
  const record = await invitationStub(ctx, invitationId).session(await sha256Hex(secret));
  if (!record) return null;
  const row = await getVerificationForApplicant(ctx.db, record.verificationId);
  return row?.authorization?.invitationId === invitationId ? { record, row } : null;
}

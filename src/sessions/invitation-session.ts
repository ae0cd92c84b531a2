// One Durable Object per invitation of a legal representative (法人授权认证). It holds which link
// is current (the QR code and the SMS carry the same one), the links already used, the legal
// representative's session (as a hash), the authorization's status as last published (for the
// operator's live page) and timing: an alarm expires it after 7 days. It decides nothing about the
// flow: the Worker derives the status from the verification and publishes it here.
import { DurableObject } from "cloudflare:workers";
import type { AuthorizationStatus } from "../domain/authorization/record";
import { forgetAfterEnd, acceptListener, answerPing, broadcast, closeListener } from "./listeners";

export interface InvitationRecord {
  invitationId: string;
  verificationId: string;
  status: AuthorizationStatus;
  /** The secret of the link that may still be opened; null once opened, or after the end. */
  currentJti: string | null;
  /** That link, so every render of the operator's page shows the same one. */
  currentLink: string | null;
  usedJtis: string[];
  sessionHash: string | null;
  /** When the link last went out by SMS: the page says when another send is possible. */
  smsSentAt: number | null;
  /** Ended before its time: a new invitation replaced it (asked again, another method). */
  voided: boolean;
  expiresAt: number;
  updatedAt: number;
}

/** How long an ended invitation stays readable (its pages say how it ended) before the object forgets it. */
export const KEEP_AFTER_END_MS = 24 * 3_600_000;

export type InvitationOpen = { ok: true; record: InvitationRecord } | { ok: false; reason: "used" | "replaced" | "ended" | "expired" | "unknown" };

export interface InvitationUpdate {
  status: AuthorizationStatus;
  verificationId: string;
}

const ENDED: readonly AuthorizationStatus[] = ["signed", "declined", "expired"];

export function invitationEnded(record: InvitationRecord): boolean {
  return record.voided || ENDED.includes(record.status);
}

// It reads nothing from the env: `unknown`, not the Worker's `Env`, which names this class.
export class InvitationSession extends DurableObject<unknown> {
  private async load(): Promise<InvitationRecord | undefined> {
    return this.ctx.storage.get<InvitationRecord>("record");
  }

  private async save(record: InvitationRecord, tell = true): Promise<InvitationRecord> {
    await this.ctx.storage.put("record", record);
    if (tell) broadcast(this.ctx, JSON.stringify(update(record)));
    return record;
  }

  async init(record: Pick<InvitationRecord, "invitationId" | "verificationId" | "expiresAt">): Promise<InvitationRecord> {
    const existing = await this.load();
    if (existing) return existing;
    await this.ctx.storage.setAlarm(record.expiresAt);
    const created: InvitationRecord = { ...record, status: "not_sent", currentJti: null, currentLink: null, usedJtis: [], sessionHash: null, smsSentAt: null, voided: false, updatedAt: Date.now() };
    return this.save(created, false);
  }

  async get(): Promise<InvitationRecord | null> {
    return (await this.load()) ?? null;
  }

  /** A new link; the one before stops working at once (a phone already in keeps its session). */
  async issueLink(jti: string, url: string): Promise<InvitationRecord | null> {
    const record = await this.load();
    if (!record || invitationEnded(record)) return null;
    return this.save({ ...record, currentJti: jti, currentLink: url, updatedAt: Date.now() }, false);
  }

  async smsSent(at: number): Promise<void> {
    const record = await this.load();
    if (record) await this.save({ ...record, smsSentAt: at }, false);
  }

  /** Exchanges a link's secret for the legal representative's session: once, only the current one, only while the invitation lasts. */
  async open(jti: string, sessionHash: string): Promise<InvitationOpen> {
    const record = await this.load();
    if (!record) return { ok: false, reason: "unknown" };
    if (record.usedJtis.includes(jti)) return { ok: false, reason: "used" };
    if (record.voided) return { ok: false, reason: "replaced" };
    if (record.status === "expired" || record.expiresAt <= Date.now()) return { ok: false, reason: "expired" };
    if (invitationEnded(record)) return { ok: false, reason: "ended" };
    if (record.currentJti !== jti) return { ok: false, reason: "replaced" };
    const opened = { ...record, currentJti: null, currentLink: null, usedJtis: [...record.usedJtis, jti], sessionHash, updatedAt: Date.now() };
    return { ok: true, record: await this.save(opened, false) };
  }

  async session(sessionHash: string): Promise<InvitationRecord | null> {
    const record = await this.load();
    return record?.sessionHash && record.sessionHash === sessionHash ? record : null;
  }

  /** The status as the verification now says it, for the operator's page. */
  async publish(status: AuthorizationStatus): Promise<InvitationRecord | null> {
    const record = await this.load();
    if (!record || record.status === status || record.voided) return record ?? null;
    return this.save({ ...record, status, ...(ENDED.includes(status) ? { currentJti: null, currentLink: null } : {}), updatedAt: Date.now() });
  }

  /** A new invitation took its place: its links and its session stop at once. */
  async void(): Promise<void> {
    const record = await this.load();
    if (!record || record.voided) return;
    await this.save({ ...record, voided: true, currentJti: null, currentLink: null, sessionHash: null, updatedAt: Date.now() });
    await this.ctx.storage.setAlarm(Date.now() + KEEP_AFTER_END_MS);
  }

  /** At 7 days an open invitation expires; a day after its end the object forgets everything. */
  override async alarm(): Promise<void> {
    const record = await this.load();
    if (!record) return;
    const now = Date.now();
    if (!invitationEnded(record)) await this.save({ ...record, status: "expired", currentJti: null, currentLink: null, updatedAt: now });
    await forgetAfterEnd(this.ctx, record, KEEP_AFTER_END_MS, now);
  }

  override async fetch(request: Request): Promise<Response> {
    const record = await this.load();
    return acceptListener(this.ctx, request, record ? JSON.stringify(update(record)) : null);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    answerPing(ws, message);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeListener(ws, code);
  }
}

function update(record: InvitationRecord): InvitationUpdate {
  return { status: record.voided ? "expired" : record.status, verificationId: record.verificationId };
}

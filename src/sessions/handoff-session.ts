// One Durable Object per desktop-to-phone handoff. It holds the handoff's state, which link token
// is current, the phone's session (as a hash), the prompted actions, and timing (an alarm expires
// it). Desktops listen on hibernating WebSockets, so thousands of idle listeners cost nothing.
// It calls no vendor: the Worker runs the checks and reports the outcome here.
import { DurableObject } from "cloudflare:workers";
import { forgetAfterEnd, acceptListener, answerPing, broadcast, closeListener } from "./listeners";
import { type HandoffEvent, type HandoffState, isTerminal, nextHandoffState } from "../domain/handoff/machine";

/** face: liveness in the phone's browser; alipay_face: the same in the Alipay app; id_capture: both sides of the ID card; licence_capture: the business licence for a review; letter_capture: a corporate transfer's stamped letter for a review. */
export type HandoffPurpose = "face" | "alipay_face" | "id_capture" | "licence_capture" | "letter_capture";

export interface HandoffRecord {
  handoffId: string;
  verificationId: string;
  purpose: HandoffPurpose;
  state: HandoffState;
  /** The secret of the link that may still be opened (flow/handoff.ts); null once opened or replaced. */
  currentJti: string | null;
  /**
   * That link itself, so a desktop that renders the step again (a reload, a second tab) shows
   * the same QR code instead of voiding the one a phone may be about to scan.
   */
  currentLink: { url: string; expiresAt: number } | null;
  /** Link secrets already exchanged for a session, to tell "used" from "replaced". */
  usedJtis: string[];
  sessionHash: string | null;
  prompts: string[] | null;
  lastFailure: string | null;
  /** Tries that failed or faulted in this handoff's life: a desktop tells a new failure from one it showed. */
  failures?: number;
  /**
   * A channel that sends the phone to another app (Alipay face): the check registered there; null
   * until then and after a failed try. The object only keeps it; the channel's step knows what it is.
   */
  externalCheck: ExternalCheck | null;
  /** A registration of an external check under way, so a double tap registers one. */
  externalClaim: { reference: string; until: number } | null;
  /** When the phone or the desktop last asked the external app for the result. */
  resultQueriedAt: number | null;
  expiresAt: number;
  updatedAt: number;
}

export interface ExternalCheck {
  /** The other app's id of the check (Alipay's certify_id). */
  checkId: string;
  /** Our reference for the check, also in its return URL: a return names the check it ends. */
  reference: string;
}

/** How long an ended handoff stays readable before the object forgets it. */
export const KEEP_AFTER_END_MS = 60 * 60_000;

export type OpenOutcome = { ok: true; record: HandoffRecord } | { ok: false; reason: "used" | "replaced" | "ended" | "expired" | "unknown" };

export type HandoffPatch = Partial<Pick<HandoffRecord, "prompts" | "lastFailure" | "externalCheck">>;

export interface HandoffUpdate {
  state: HandoffState;
  lastFailure?: string | null | undefined;
  failures: number;
  verificationId: string;
}

// It reads nothing from the env: `unknown`, not the Worker's `Env`, which names this class.
export class HandoffSession extends DurableObject<unknown> {
  private async load(): Promise<HandoffRecord | undefined> {
    return this.ctx.storage.get<HandoffRecord>("record");
  }

  private async save(record: HandoffRecord): Promise<HandoffRecord> {
    await this.ctx.storage.put("record", record);
    this.broadcast(record);
    return record;
  }

  async init(record: Pick<HandoffRecord, "handoffId" | "verificationId" | "purpose" | "expiresAt">): Promise<HandoffRecord> {
    const existing = await this.load();
    if (existing) return existing;
    const created: HandoffRecord = {
      ...record,
      state: "waiting",
      currentJti: null,
      currentLink: null,
      usedJtis: [],
      sessionHash: null,
      prompts: null,
      lastFailure: null,
      externalCheck: null,
      externalClaim: null,
      resultQueriedAt: null,
      updatedAt: Date.now(),
    };
    await this.ctx.storage.setAlarm(record.expiresAt);
    return this.save(created);
  }

  /**
   * Starts an expired (or forgotten) handoff over in the same object, for a desktop that still
   * waits at its step: a new life with no phone session, so nothing of the old one carries over,
   * while links it used still answer "used". The verification row names this object throughout.
   */
  async renew(record: Pick<HandoffRecord, "handoffId" | "verificationId" | "purpose" | "expiresAt">): Promise<HandoffRecord> {
    const existing = await this.load();
    if (existing && existing.state !== "expired") return existing;
    const renewed: HandoffRecord = {
      ...record,
      state: "waiting",
      currentJti: null,
      currentLink: null,
      usedJtis: existing?.usedJtis ?? [],
      sessionHash: null,
      prompts: null,
      lastFailure: null,
      externalCheck: null,
      externalClaim: null,
      resultQueriedAt: null,
      updatedAt: Date.now(),
    };
    await this.ctx.storage.setAlarm(record.expiresAt);
    return this.save(renewed);
  }

  async get(): Promise<HandoffRecord | null> {
    return (await this.load()) ?? null;
  }

  /** A new link for the QR code; the previous one stops working at once. */
  async issueToken(jti: string, link: { url: string; expiresAt: number }): Promise<HandoffRecord | null> {
    const record = await this.load();
    if (!record || isTerminal(record.state)) return null;
    return this.save({ ...record, currentJti: jti, currentLink: link, updatedAt: Date.now() });
  }

  /** Exchanges a link's secret for a phone session: once, only the current one, and only while it lasts. */
  async open(jti: string, sessionHash: string): Promise<OpenOutcome> {
    const record = await this.load();
    if (!record) return { ok: false, reason: "unknown" };
    if (record.usedJtis.includes(jti)) return { ok: false, reason: "used" };
    if (isTerminal(record.state)) return { ok: false, reason: "ended" };
    if (record.currentJti !== jti) return { ok: false, reason: "replaced" };
    if (!record.currentLink || record.currentLink.expiresAt <= Date.now()) return { ok: false, reason: "expired" };
    const state = record.state === "waiting" ? "opened" : record.state;
    return { ok: true, record: await this.save({ ...record, state, currentJti: null, currentLink: null, usedJtis: [...record.usedJtis, jti], sessionHash, updatedAt: Date.now() }) };
  }

  async session(sessionHash: string): Promise<HandoffRecord | null> {
    const record = await this.load();
    return record && record.sessionHash !== null && record.sessionHash === sessionHash ? record : null;
  }

  /** Applies a state-machine event; refuses moves the machine does not allow. */
  async apply(event: HandoffEvent, patch: HandoffPatch = {}): Promise<HandoffRecord | null> {
    const record = await this.load();
    if (!record) return null;
    const state = nextHandoffState(record.state, event);
    if (state === null) return null;
    return this.save({ ...record, ...patch, state, failures: counted(record, patch.lastFailure), updatedAt: Date.now() });
  }

  /** Reserves the registration of an external check: one at a time, and none while a registered check is open. */
  async claimExternalStart(reference: string, holdMs: number): Promise<HandoffRecord | null> {
    const record = await this.load();
    const now = Date.now();
    if (!record || nextHandoffState(record.state, { type: "start_capture" }) === null) return null;
    if (record.externalCheck || (record.externalClaim && record.externalClaim.until > now)) return null;
    return this.save({ ...record, externalClaim: { reference, until: now + holdMs }, updatedAt: now });
  }

  /** Ends the registration that holds the claim: keeps the registered check, or why there is none. */
  async finishExternalStart(reference: string, outcome: { check: ExternalCheck } | { lastFailure: string }): Promise<HandoffRecord | null> {
    const record = await this.load();
    if (!record || record.externalClaim?.reference !== reference) return null;
    const state = nextHandoffState(record.state, { type: "start_capture" });
    if (state === null) return null;
    const kept = "check" in outcome ? { externalCheck: outcome.check, lastFailure: null } : { lastFailure: outcome.lastFailure };
    return this.save({ ...record, ...kept, externalClaim: null, state, failures: counted(record, kept.lastFailure), updatedAt: Date.now() });
  }

  /** Whether asking for the result is allowed now (and counts this ask): each ask is a call to the other app. */
  async allowResultQuery(intervalMs: number): Promise<boolean> {
    const record = await this.load();
    const now = Date.now();
    if (!record || (record.resultQueriedAt && now - record.resultQueriedAt < intervalMs)) return false;
    // Not broadcast: nothing a desktop shows has changed.
    await this.ctx.storage.put("record", { ...record, resultQueriedAt: now });
    return true;
  }

  /** Moves to `submitted` for the named check only: a stale return, or a query of an older check, moves nothing. */
  async submitExternal(checkId: string): Promise<HandoffRecord | null> {
    const record = await this.load();
    if (!record || record.externalCheck?.checkId !== checkId) return null;
    const state = nextHandoffState(record.state, { type: "submit" });
    if (state === null) return null;
    return this.save({ ...record, state, updatedAt: Date.now() });
  }

  /**
   * At expiry an unfinished handoff becomes `expired`. An hour later (time for the phone and the
   * desktop to show how it ended) the object forgets everything: the session hash, the external
   * check, the prompts. The verification keeps the outcome.
   */
  override async alarm(): Promise<void> {
    const record = await this.load();
    if (!record) return;
    const now = Date.now();
    if (!isTerminal(record.state)) await this.save({ ...record, state: "expired", currentJti: null, currentLink: null, updatedAt: now });
    await forgetAfterEnd(this.ctx, record, KEEP_AFTER_END_MS, now);
  }

  /** The desktop's live channel: a hibernating WebSocket that receives every state change. */
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

  private broadcast(record: HandoffRecord) {
    broadcast(this.ctx, JSON.stringify(update(record)));
  }
}

function counted(record: HandoffRecord, lastFailure: string | null | undefined): number {
  return (record.failures ?? 0) + (lastFailure ? 1 : 0);
}

function update(record: HandoffRecord): HandoffUpdate {
  return { state: record.state, lastFailure: record.lastFailure, failures: record.failures ?? 0, verificationId: record.verificationId };
}

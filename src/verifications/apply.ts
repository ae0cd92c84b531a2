// Runs one state-machine event against a stored verification and persists the result with its
// event row (and its webhook event, when partners hear about the new status), guarded by the
// row's version; then queues the webhook. Ending a verification purges its ciphertext (the
// consents' full IP included): once it ends, masked forms and keyed hashes are all we keep (PIPL
// data minimisation).
import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type EventInput, type Extras, extrasFor, guardedEventInsert, updateVerification, type VerificationPatch, type VerificationRow } from "../db/verifications";
import type { Database } from "../db/client";
import { consentIpPurge } from "../db/consents";
import { type TransitionError, type VerificationEvent, transition } from "../domain/verification/machine";
import { type Actor, isOpen, type VerificationStatus } from "../domain/verification/status";
import { webhookEventFor } from "../webhooks/events";
import { publishEvents, type WriteContext } from "../webhooks/outbox";

export type { WriteContext };

export type ApplyResult =
  | { ok: true; row: VerificationRow }
  | { ok: false; error: TransitionError | "conflict" };

const PURGED_ON_END: VerificationPatch = {
  personNameEnc: null,
  personIdNumberEnc: null,
  personPhoneEnc: null,
  orgLegalRepNameEnc: null,
  pendingEnc: null,
  step: null,
};

export interface ApplyDetails {
  patch?: VerificationPatch;
  data?: Record<string, unknown>;
  /** More writes for the same batch (see Extras). */
  extra?: Extras;
}

/**
 * `ctx` is anything with `db` and `env.WEBHOOKS` (the hosted pages' context qualifies). The
 * webhook is queued before this returns; if the queue fails, the cron sweep sends it later.
 */
export async function applyEvent(
  ctx: WriteContext,
  row: VerificationRow,
  event: VerificationEvent,
  actor: Actor,
  now: number,
  details: ApplyDetails = {},
): Promise<ApplyResult> {
  const result = transition(machineState(row), event, now);
  if (!result.ok) return result;
  const s = result.state;
  const patch: VerificationPatch & { updatedAt: number } = {
    ...details.patch,
    status: s.status,
    method: s.method,
    failedAttempts: s.failedAttempts,
    failureReason: s.failureReason,
    completedAt: s.completedAt,
    updatedAt: now,
    ...(isOpen(s.status) ? {} : PURGED_ON_END),
  };
  const next: VerificationRow = { ...row, ...patch, version: row.version + 1 };
  const outbox = webhookEventFor(next, row.status, now);
  const written = await updateVerification(
    ctx.db,
    row,
    patch,
    { type: `verification.${event.type}`, actor, fromStatus: row.status, toStatus: s.status, data: { ...eventData(event), ...details.data } },
    (guard) => [...extrasFor(details.extra, guard), ...(isOpen(s.status) ? [] : [consentIpPurge(ctx.db, row.id, guard)])],
    outbox,
  );
  if (!written) return { ok: false, error: "conflict" };
  if (outbox) await publishEvents(ctx, [outbox.id]);
  return { ok: true, row: next };
}

export type Folded = {
  /** The row as it will be once written: the same version, so the next write's guard still holds. */
  row: VerificationRow;
  /** What the next write must set for this event. */
  patch: VerificationPatch;
  /** The event's own row, for the next write's batch, written only if that write wins. */
  items: (guard: SQL) => BatchItem<"sqlite">[];
};

/**
 * Applies a machine event in memory only, for the caller to write with its next change: one round
 * trip instead of two. Only for moves that keep the verification open, which no partner hears of
 * (an ending or a webhook must go through applyEvent).
 */
export function foldEvent(db: Database, row: VerificationRow, event: VerificationEvent, actor: Actor, now: number): { ok: true; folded: Folded } | { ok: false; error: TransitionError } {
  const result = transition(machineState(row), event, now);
  if (!result.ok) return result;
  const s = result.state;
  if (!isOpen(s.status) || webhookEventFor({ ...row, status: s.status }, row.status, now)) throw new Error(`${event.type} cannot be folded into another write`);
  const patch: VerificationPatch = { status: s.status, method: s.method, failedAttempts: s.failedAttempts, failureReason: s.failureReason, completedAt: s.completedAt };
  const input: EventInput = { type: `verification.${event.type}`, actor, fromStatus: row.status, toStatus: s.status, data: eventData(event) };
  return { ok: true, folded: { row: { ...row, ...patch }, patch, items: (guard) => [guardedEventInsert(db, row, input, now, guard)] } };
}

function machineState(row: VerificationRow) {
  return {
    status: row.status as VerificationStatus,
    method: row.method,
    methods: row.methods,
    failedAttempts: row.failedAttempts,
    expiresAt: row.expiresAt,
    failureReason: row.failureReason,
    completedAt: row.completedAt,
  };
}

function eventData(event: VerificationEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event;
  return rest;
}

/** Persists an expiry that effectiveStatus already shows; harmless when another writer got there first. */
export async function settleExpiry(ctx: WriteContext, row: VerificationRow, now: number): Promise<VerificationRow> {
  if (!isOpen(row.status) || now < row.expiresAt) return row;
  const result = await applyEvent(ctx, row, { type: "expire" }, "system", now);
  return result.ok ? result.row : row;
}

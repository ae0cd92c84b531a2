// Runs one state-machine event against a stored verification and persists the result with its
// event row (and its webhook event, when partners hear about the new status), guarded by the
// row's version; then queues the webhook. Ending a verification purges its ciphertext: once it
// ends, masked forms and keyed hashes are all we keep (PIPL data minimisation).
import type { BatchItem } from "drizzle-orm/batch";
import { updateVerification, type VerificationPatch, type VerificationRow } from "../db/verifications";
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
  /** More writes for the same batch (e.g. a consent row); they run whether or not the guard holds. */
  extra?: BatchItem<"sqlite">[];
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
  const result = transition(
    {
      status: row.status as VerificationStatus,
      method: row.method,
      methods: row.methods,
      failedAttempts: row.failedAttempts,
      expiresAt: row.expiresAt,
      failureReason: row.failureReason,
      completedAt: row.completedAt,
    },
    event,
    now,
  );
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
    details.extra,
    outbox,
  );
  if (!written) return { ok: false, error: "conflict" };
  if (outbox) await publishEvents(ctx, [outbox.id], now);
  return { ok: true, row: next };
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

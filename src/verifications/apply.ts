// Runs one state-machine event against a stored verification and persists the result with its
// event row, guarded by the row's version. Ending a verification purges its ciphertext: once it
// ends, masked forms and keyed hashes are all we keep (PIPL data minimisation).
import type { Database } from "../db/client";
import { updateVerification, type VerificationPatch, type VerificationRow } from "../db/verifications";
import { type TransitionError, type VerificationEvent, transition } from "../domain/verification/machine";
import { type Actor, isOpen, type VerificationStatus } from "../domain/verification/status";

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

export async function applyEvent(
  db: Database,
  row: VerificationRow,
  event: VerificationEvent,
  actor: Actor,
  now: number,
  details: { patch?: VerificationPatch; data?: Record<string, unknown> } = {},
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
  const written = await updateVerification(db, row, patch, {
    type: `verification.${event.type}`,
    actor,
    fromStatus: row.status,
    toStatus: s.status,
    data: { ...eventData(event), ...details.data },
  });
  if (!written) return { ok: false, error: "conflict" };
  return { ok: true, row: { ...row, ...patch, version: row.version + 1 } };
}

function eventData(event: VerificationEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event;
  return rest;
}

/** Persists an expiry that effectiveStatus already shows; harmless when another writer got there first. */
export async function settleExpiry(db: Database, row: VerificationRow, now: number): Promise<VerificationRow> {
  if (!isOpen(row.status) || now < row.expiresAt) return row;
  const result = await applyEvent(db, row, { type: "expire" }, "system", now);
  return result.ok ? result.row : row;
}

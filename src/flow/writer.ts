// The only writer of a verification row. A change is built in memory (moves through the pure
// transition, attribute patches, evidence), then written as one guarded D1 batch: the row's new
// state with `status` and `method` derived from it, its events in the order they happened, the
// webhook outbox row when partners hear of the move, the funnel's roll-up when the row's place in
// it moves, and the purge of ciphertext when it ends.
// It must never decide what a step means: steps and methods do, through transition().
import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { consentIpPurge } from "../db/consents";
import { funnelMoved } from "../db/funnel-rollup";
import {
  type EventInput,
  eventInsert,
  getVerificationForApplicant,
  guardedEventInsert,
  updateVerification,
  updateVerificationThenRead,
  type VerificationPatch,
  type VerificationRow,
} from "../db/verifications";
import { isEnded, methodOf, statusOf } from "../domain/flow/state";
import { type FlowEffect, type FlowError, type FlowEvent, transition } from "../domain/flow/transition";
import type { Actor } from "../domain/verification/status";
import { webhookEventFor } from "../webhooks/events";
import { publishEvents, type WriteContext } from "../webhooks/outbox";
import { flowOf } from "./flow-of";
import { hostedMethod } from "./methods";
import { publishAuthorization } from "./authorization-live";

export type { WriteContext };

/** What ending a verification keeps: masked forms and keyed hashes, never ciphertext (PIPL data minimisation). */
const PURGED_ON_END: VerificationPatch = {
  personNameEnc: null,
  personIdNumberEnc: null,
  personPhoneEnc: null,
  orgLegalRepNameEnc: null,
  orgLegalRepIdNumberEnc: null,
  corporateAccountEnc: null,
  pendingEnc: null,
};

type Db = WriteContext["db"];

/** One row of the batch, in the order it happened: the flow's own rows are version-guarded. */
type Entry = { kind: "flow"; event: EventInput } | { kind: "evidence"; event: EventInput } | { kind: "alongside"; item: (guard: SQL) => BatchItem<"sqlite"> };

export interface Change<Row extends VerificationRow = VerificationRow> {
  readonly db: Db;
  /** The row as read: its version guards the write. */
  readonly base: Row;
  /** The row as it will be once written (same version until then). */
  row: Row;
  readonly now: number;
  /** Effects the moves asked for, in order; `enter_step` ones are run by src/flow/effects.ts. */
  effects: FlowEffect[];
  entries: Entry[];
}

export function beginChange<Row extends VerificationRow>(db: Db, row: Row, now: number): Change<Row> {
  return { db, base: row, row, now, effects: [], entries: [] };
}

export interface MoveOptions {
  actor: Actor;
  data?: Record<string, unknown>;
  /** The event row's name for an in-method move (e.g. `method.checks_passed`); status words otherwise. */
  label?: string;
}

/** Moves the change's flow by one event; a refusal changes nothing. */
export function move(ch: Change, event: FlowEvent, opts: MoveOptions): FlowError | null {
  const before = flowOf(ch.row);
  const result = transition(before, event, ch.now);
  if (!result.ok) return result.error;
  const { flow } = result;
  const fromStatus = statusOf(before.state);
  const toStatus = statusOf(flow.state);
  const leaving = result.effects.some((e) => e.type === "leave_method");
  ch.row = {
    ...ch.row,
    state: flow.state,
    status: toStatus,
    method: methodOf(flow.state),
    failedAttempts: flow.failedAttempts,
    failureReason: flow.failureReason,
    completedAt: flow.completedAt,
    ...(leaving ? { pendingEnc: null } : {}),
    ...(isEnded(flow.state) ? PURGED_ON_END : {}),
  };
  ch.effects.push(...result.effects);
  ch.entries.push({
    kind: "flow",
    // A label names an in-method move; one that changes the status keeps the status words, except
    // into or out of a review (both open), which keeps its label with the statuses beside it.
    event:
      opts.label && (fromStatus === toStatus || reviewMove(fromStatus, toStatus))
        ? { type: opts.label, actor: opts.actor, ...(fromStatus === toStatus ? {} : { fromStatus, toStatus }), data: { ...opts.data } }
        : { type: `verification.${rowName(event, flow.state.kind)}`, actor: opts.actor, fromStatus, toStatus, data: { ...eventData(event), ...opts.data } },
  });
  return null;
}

/** A row that moves nothing but stands or falls with the change (consent recorded, a handoff opened). */
export function note(ch: Change, event: EventInput) {
  ch.entries.push({ kind: "flow", event });
}

/** Rows of what happened whether or not the change wins (a provider call, a code checked). */
export function evidence(ch: Change, events: readonly EventInput[]) {
  for (const event of events) ch.entries.push({ kind: "evidence", event });
}

/** Other writes for the batch: guarded ones stand or fall with the change (a consent row). */
export function alongside(ch: Change, items: readonly ((guard: SQL) => BatchItem<"sqlite">)[]) {
  for (const item of items) ch.entries.push({ kind: "alongside", item });
}

/** Attribute changes beside the flow (the sealed input, a handoff id, the verified identity). */
export function set<Row extends VerificationRow>(ch: Change<Row>, patch: VerificationPatch) {
  const { state: _s, status: _st, method: _m, failedAttempts: _f, failureReason: _r, completedAt: _c, ...attributes } = patch;
  // Ciphertext never outlives the end, whatever a step sets after the move.
  ch.row = { ...ch.row, ...attributes, ...(isEnded(ch.row.state) ? PURGED_ON_END : {}) };
}

export type WriteResult<Row extends VerificationRow> = { ok: true; row: Row } | { ok: false; error: "conflict" };

/**
 * One guarded batch, rows in the order they happened, the last of the flow's own rows beside the
 * update. A lost race writes nothing guarded (the evidence rows still stand). Then the webhook is
 * queued (the cron sweep sends it later if the queue fails) and, when a child ended, its parent
 * hears of it through the same transition.
 */
export async function write<Row extends VerificationRow>(ctx: WriteContext, ch: Change<Row>): Promise<WriteResult<Row>> {
  const { base, row, now, db } = ch;
  const { id: _i, partnerId: _p, livemode: _l, version: _v, ...fields } = row;
  const patch: VerificationPatch & { updatedAt: number } = { ...diff(base, fields), updatedAt: now };
  const ended = isEnded(row.state) && !isEnded(base.state);
  const outbox = webhookEventFor(row, base, now);
  const last = ch.entries.findLastIndex((e) => e.kind === "flow");
  const headline = last >= 0 ? (ch.entries[last] as { event: EventInput }).event : { type: "verification.updated", actor: "system" as const };
  const before = ch.entries.filter((_, i) => i !== last);
  const written = await updateVerification(
    db,
    base,
    patch,
    headline,
    // The funnel's roll-up moves with the row (ending counts once: the key moves only then).
    (guard) => [...before.map((e) => entryItem(db, base, e, now, guard)), ...funnelMoved(db, base, row, guard), ...(ended ? [consentIpPurge(db, base.id, guard)] : [])],
    outbox,
  );
  if (!written) return { ok: false, error: "conflict" };
  const stored = { ...row, updatedAt: now, version: base.version + 1 };
  if (outbox) await publishEvents(ctx, [outbox.id]);
  await publishAuthorization(ctx, base, stored, now);
  if (ended && base.parentId) await tellParent(ctx, stored, now);
  return { ok: true, row: stored };
}

/**
 * A child's end reaches its parent as `child_ended`; a lost race is tried again on a fresh read.
 * The two are separate writes, so a parent left waiting on an ended child (the Worker stopped
 * between them) is told again by the cron (src/flow/orphaned-children.ts); a second telling moves nothing.
 */
export async function tellParent(ctx: WriteContext, child: VerificationRow, now: number) {
  for (let tries = 0; tries < 3; tries++) {
    const parent = child.parentId ? await getVerificationForApplicant(ctx.db, child.parentId) : undefined;
    if (!parent) return;
    const ch = beginChange(ctx.db, parent, now);
    const outcome = child.status as "verified" | "failed" | "canceled" | "expired";
    if (move(ch, { type: "child_ended", childId: child.id, outcome, reason: child.failureReason }, { actor: "system", data: { child_id: child.id, role: child.parentRole } })) return;
    // The person who acted for the parent is the child's person: the parent keeps their masked
    // forms and keyed hash (never more), as the operator the partner and the result are told of.
    if (outcome === "verified" && (parent.method ? hostedMethod(parent.method)?.child?.actsForParent : undefined) !== false) {
      set(ch, { personNameMasked: child.personNameMasked, personIdNumberMasked: child.personIdNumberMasked, personIdNumberHash: child.personIdNumberHash });
    }
    if ((await write(ctx, ch)).ok) return;
  }
}

/** Moves one event and writes it: for moves that need nothing else in their batch. */
export async function moveAndWrite<Row extends VerificationRow>(
  ctx: WriteContext,
  row: Row,
  event: FlowEvent,
  opts: MoveOptions & { patch?: VerificationPatch; evidence?: EventInput[] },
  now: number,
): Promise<WriteResult<Row> | { ok: false; error: FlowError }> {
  const ch = beginChange(ctx.db, row, now);
  if (opts.evidence) evidence(ch, opts.evidence);
  const refused = move(ch, event, opts);
  if (refused) return { ok: false, error: refused };
  if (opts.patch) set(ch, opts.patch);
  return write(ctx, ch);
}

/** Persists an expiry that effectiveStatus already shows; harmless when another writer got there first. */
export async function settleExpiry<Row extends VerificationRow>(ctx: WriteContext, row: Row, now: number): Promise<Row> {
  if (isEnded(flowOf(row).state) || now < row.expiresAt) return row;
  const result = await moveAndWrite(ctx, row, { type: "expire" }, { actor: "system" }, now);
  return result.ok ? result.row : row;
}

function diff(base: VerificationRow, fields: Omit<VerificationRow, "id" | "partnerId" | "livemode" | "version">): VerificationPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (JSON.stringify(value) !== JSON.stringify(base[key as keyof VerificationRow])) patch[key] = value;
  }
  return patch as VerificationPatch;
}

function reviewMove(from: string, to: string): boolean {
  return (from === "requires_review" && to === "in_progress") || (from === "in_progress" && to === "requires_review");
}

function rowName(event: FlowEvent, landed: string): string {
  // The log keeps the words partners' evidence has always used: the move that verifies is `verify`.
  if (event.type === "step_passed" && landed === "verified") return "verify";
  return event.type;
}

function eventData(event: FlowEvent): Record<string, unknown> {
  switch (event.type) {
    case "start":
      return { method: event.method };
    case "attempt_failed":
    case "fail":
      return { reason: event.reason };
    case "verify":
      return { method: event.method, reused: event.reused };
    case "step_back":
      return { to: event.to };
    case "child_ended":
      return { outcome: event.outcome };
    default:
      return {};
  }
}

/**
 * The same write with one read after it in the same round trip (what the next page needs), for
 * changes that move no status (sign-in): one trip instead of two.
 */
export async function writeThenRead<Row extends VerificationRow, Read extends BatchItem<"sqlite">>(
  ch: Change<Row>,
  read: Read,
): Promise<{ ok: true; row: Row; read: Awaited<Read> } | { ok: false; error: "conflict" }> {
  const { base, row, now, db } = ch;
  if (row.status !== base.status) throw new Error("a status change goes through write(), which tells partners");
  const { id: _i, partnerId: _p, livemode: _l, version: _v, ...fields } = row;
  const patch = { ...diff(base, fields), updatedAt: now };
  const last = ch.entries.findLastIndex((e) => e.kind === "flow");
  const headline = last >= 0 ? (ch.entries[last] as { event: EventInput }).event : { type: "verification.updated", actor: "system" as const };
  const before = ch.entries.filter((_, i) => i !== last);
  const result = await updateVerificationThenRead(db, base, patch, headline, (guard) => [...before.map((e) => entryItem(db, base, e, now, guard)), ...funnelMoved(db, base, row, guard)], read);
  if (!result.written) return { ok: false, error: "conflict" };
  return { ok: true, row: { ...row, updatedAt: now, version: base.version + 1 }, read: result.read };
}

function entryItem(db: Db, base: VerificationRow, e: Entry, now: number, guard: SQL): BatchItem<"sqlite"> {
  if (e.kind === "alongside") return e.item(guard);
  return e.kind === "flow" ? guardedEventInsert(db, base, e.event, now, guard) : eventInsert(db, base, e.event, now);
}

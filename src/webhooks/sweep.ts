// The cron's webhook half: queues what a failed queue send or a crash left behind. Events the
// queue never accepted are sent again; deliveries whose message seems lost are re-queued.
// Repeats are harmless: the fan-out is unique per endpoint and each attempt is claimed in D1.
// A delivery is re-queued at most once per DELIVERY_OVERDUE_MS, never once per cron minute.
import { takeOverdueDeliveriesAcrossPartners } from "../db/webhook-deliveries";
import { listUnqueuedEventsAcrossPartners } from "../db/webhook-events";
import { enqueueDeliveries, publishEvents, type WriteContext } from "./outbox";

/** Time a fresh event is left to the request that wrote it before the sweep takes it over. */
export const OUTBOX_GRACE_MS = 60_000;
/** A pending delivery this far past due (lease included) has lost its queue message. */
export const DELIVERY_OVERDUE_MS = 5 * 60_000;
const BATCH = 50;

export async function sweepOutbox(ctx: WriteContext, now: number): Promise<number> {
  const rows = await listUnqueuedEventsAcrossPartners(ctx.db, now - OUTBOX_GRACE_MS, BATCH);
  return publishEvents(
    ctx,
    rows.map((r) => r.id),
  );
}

export async function sweepDeliveries(ctx: WriteContext, now: number): Promise<number> {
  const rows = await takeOverdueDeliveriesAcrossPartners(ctx.db, now - DELIVERY_OVERDUE_MS, now, BATCH);
  // Already rescheduled: if this send fails, the rows are overdue again in one window and retried.
  await enqueueDeliveries(
    ctx.env,
    rows.map((r) => ({ id: r.id, attempts: r.attempts, dueAt: now })),
  );
  return rows.length;
}

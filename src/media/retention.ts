// Deletes ID photos and liveness clips from R2: at once when their verification has ended, and
// in any case once older than the retention period (MEDIA_RETENTION_HOURS, 24 by default).
// Events record that media existed and was deleted, never what it showed. A business licence
// waiting for a reviewer is kept whatever its age (the review may take a weekend); it goes when its
// verification ends (and at once when it is decided: src/reviews/decide.ts).
import { inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { eventInsert } from "../db/verifications";
import { verifications } from "../db/schema";
import { isOpen } from "../domain/verification/status";
import type { Env } from "../env";

export const MEDIA_PREFIXES = ["id-images/", "clips/", "licences/"] as const;
const KEPT_WHILE_OPEN = "licences/";

export interface RetentionContext {
  db: Database;
  env: Pick<Env, "IMAGES">;
  retentionMs: number;
}

export async function sweepMedia(ctx: RetentionContext, now: number): Promise<{ deleted: number }> {
  const objects: { key: string; uploaded: number; verificationId: string }[] = [];
  for (const prefix of MEDIA_PREFIXES) {
    let cursor: string | undefined;
    do {
      const page = await ctx.env.IMAGES.list({ prefix, cursor, limit: 1000 });
      for (const o of page.objects) objects.push({ key: o.key, uploaded: o.uploaded.getTime(), verificationId: o.key.split("/")[1] ?? "" });
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  if (objects.length === 0) return { deleted: 0 };

  const ids = [...new Set(objects.map((o) => o.verificationId))];
  // D1 binds at most 100 parameters a query, and R2 deletes at most 1,000 keys a call.
  const lookups = chunks(ids, 90).map((part) =>
    ctx.db.select({ id: verifications.id, partnerId: verifications.partnerId, status: verifications.status }).from(verifications).where(inArray(verifications.id, part)),
  );
  const [first, ...rest] = lookups;
  const byId = new Map((first ? (await ctx.db.batch([first, ...rest])).flat() : []).map((r) => [r.id, r]));
  const doomed = objects.filter((o) => {
    const row = byId.get(o.verificationId);
    return !row || !isOpen(row.status) || (!o.key.startsWith(KEPT_WHILE_OPEN) && now - o.uploaded >= ctx.retentionMs);
  });
  if (doomed.length === 0) return { deleted: 0 };
  for (const part of chunks(
    doomed.map((o) => o.key),
    1000,
  ))
    await ctx.env.IMAGES.delete(part);

  const perVerification = new Map<string, string[]>();
  for (const o of doomed) perVerification.set(o.verificationId, [...(perVerification.get(o.verificationId) ?? []), o.key.split("/")[0]!]);
  // One round trip for every verification's event, not one each.
  const events = [...perVerification].flatMap(([id, kinds]) => {
    const row = byId.get(id);
    return row ? [eventInsert(ctx.db, row, { type: "media.deleted", actor: "system", data: { count: kinds.length, kinds: [...new Set(kinds)] } }, now)] : [];
  });
  for (const part of chunks(events, 50)) await ctx.db.batch(part as [(typeof part)[0], ...typeof part]);
  return { deleted: doomed.length };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

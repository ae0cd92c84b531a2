// The operator's page follows the authorization live: after every write the writer tells the
// invitation's Durable Object the status the row now derives, and the object tells the page.
import { authorizationStatus } from "../domain/authorization/record";
import type { VerificationRow } from "../db/verifications";
import type { WriteContext } from "../webhooks/outbox";

type Side = Pick<VerificationRow, "state" | "authorization">;

/**
 * After a write: the operator's page hears the authorization's new status from the invitation's
 * object (a status the write did not change sends nothing). A failure here loses only a push:
 * the page's own poll, or its next load, reads the row.
 */
export async function publishAuthorization(ctx: WriteContext, before: Side, after: Side, now: number) {
  const record = after.authorization;
  if (!record || !ctx.env.INVITATIONS) return;
  const status = authorizationStatus(after.state, record, now);
  if (!status || (before.authorization?.invitationId === record.invitationId && authorizationStatus(before.state, before.authorization, now) === status)) return;
  try {
    await ctx.env.INVITATIONS.get(ctx.env.INVITATIONS.idFromName(record.invitationId)).publish(status);
  } catch {
    // Only the push is lost: the page reads the row on its next poll or load.
  }
}

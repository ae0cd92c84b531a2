// Creating webhook endpoints, rotating their secrets, and sending an event again. The secret is
// generated here, stored only encrypted, and returned to the caller once to show the partner.
// After a rotation the old secret keeps signing for 24 h, beside the new one. An endpoint's URL
// passes endpoint-url.ts here, where the key's mode is known: localhost is for test keys only.
import { type ApiText, text } from "../http/api-messages";
import { fieldIssue } from "../http/field-issues";
import { ProblemError } from "../http/problem";
import type { DataCipher } from "../crypto/data-key";
import { newId } from "../crypto/random";
import { DAY } from "../domain/clock";
import { insertDeliveries } from "../db/webhook-deliveries";
import { countEndpoints, endpointsForEvent, getEndpoint, insertEndpoint, updateEndpoint, type WebhookEndpointRow } from "../db/webhook-endpoints";
import type { WebhookEventRow } from "../db/webhook-events";
import type { PartnerScope } from "../db/partner-scope";
import { endpointUrlProblem } from "./endpoint-url";
import { enqueueDeliveries, type WriteContext } from "./outbox";
import { newWebhookSecret } from "./signing";
import { logError } from "../log";

export const MAX_ENDPOINTS = 16;
export const SECRET_OVERLAP = DAY;

export type WithSecret = { row: WebhookEndpointRow; secret: string };

export async function createEndpoint(
  ctx: WriteContext & { cipher: DataCipher },
  scope: PartnerScope,
  input: { url: string; events?: string[] | undefined },
  now: number,
): Promise<WithSecret | "too_many"> {
  const urlProblem = endpointUrlProblem(input.url, scope.livemode);
  if (urlProblem) throw fieldProblem("validation_error", "url", urlProblem);
  if ((await countEndpoints(ctx.db, scope)) >= MAX_ENDPOINTS) return "too_many";
  const secret = newWebhookSecret();
  const row: WebhookEndpointRow = {
    id: newId("we"),
    partnerId: scope.partnerId,
    livemode: scope.livemode,
    url: input.url,
    events: input.events ?? null,
    secretEnc: await ctx.cipher.encrypt(secret),
    previousSecretEnc: null,
    previousSecretExpiresAt: null,
    status: "enabled",
    disabledReason: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  await insertEndpoint(ctx.db, row);
  return { row, secret };
}

export async function rotateSecret(ctx: WriteContext & { cipher: DataCipher }, scope: PartnerScope, id: string, now: number): Promise<WithSecret | null> {
  const current = await getEndpoint(ctx.db, scope, id);
  if (!current) return null;
  const secret = newWebhookSecret();
  const row = await updateEndpoint(ctx.db, scope, id, {
    secretEnc: await ctx.cipher.encrypt(secret),
    previousSecretEnc: current.secretEnc,
    previousSecretExpiresAt: now + SECRET_OVERLAP,
    updatedAt: now,
  });
  return row ? { row, secret } : null;
}

/**
 * New deliveries of `event` (same id, same body) to its subscribers, or to one endpoint. Naming
 * an endpoint that does not take this event type is a 409, not an empty success: the partner
 * asked for a send that will never happen. (The route has checked the endpoint exists and is on.)
 */
export async function redeliver(ctx: WriteContext, event: WebhookEventRow, endpointId: string | undefined, now: number) {
  const subscribed = await endpointsForEvent(ctx.db, event, event.type);
  const targets = subscribed.filter((e) => endpointId === undefined || e.id === endpointId);
  if (endpointId !== undefined && targets.length === 0) {
    throw fieldProblem("invalid_state", "endpoint_id", "not_subscribed", text("detail.not_subscribed", { endpoint: endpointId, type: event.type }));
  }
  const created = await insertDeliveries(
    ctx.db,
    event.id,
    targets.map((e) => e.id),
    true,
    now,
  );
  try {
    await enqueueDeliveries(
      ctx.env,
      created.map((d) => ({ id: d.id, attempts: 0, dueAt: now })),
    );
  } catch (error) {
    // The deliveries are stored as due: the cron sweep queues them if this send failed.
    logError("webhook_redeliver_queue_failed", error, {}, "warn");
  }
  return created;
}

/** A problem+json about one field, shaped like the validation errors of http/validation.ts. */
function fieldProblem(code: "validation_error" | "invalid_state", path: string, fieldCode: string, detail?: ApiText) {
  const issue = fieldIssue([path], fieldCode);
  return new ProblemError(code, detail ?? issue.message, { errors: [issue] });
}

// Webhook event types and bodies. A body names the verification and its outcome, never a
// person: no names, ID numbers, phones or hashes of them (partners fetch details with their key).
// The body is serialised once, here, and those exact bytes are stored, signed and sent.
import { z } from "zod";
import { newId } from "../crypto/random";
import { AUTHORIZATION_STATUSES, type AuthorizationRecord, authorizationStatus } from "../domain/authorization/record";
import type { FlowState } from "../domain/flow/state";

export const WEBHOOK_EVENT_TYPES = [
  "verification.created",
  "verification.verified",
  "verification.failed",
  "verification.canceled",
  "verification.expired",
  // A step waits on a person's decision (an organization's business licence in the staff queue)…
  "verification.requires_review",
  // …and the person decided: approved (the verification goes on) or rejected (with the reason).
  "verification.review_decided",
  // The legal representative's authorization moved (sent, opened, verifying, signing, declined,
  // expired) while the verification's own status did not: an operator can be told "opened".
  "verification.authorization_updated",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const BY_STATUS: Record<string, WebhookEventType> = {
  pending: "verification.created",
  verified: "verification.verified",
  failed: "verification.failed",
  canceled: "verification.canceled",
  expired: "verification.expired",
  requires_review: "verification.requires_review",
};

export const webhookEventBody = z.object({
  type: z.enum(WEBHOOK_EVENT_TYPES),
  timestamp: z.iso.datetime(),
  data: z.object({
    id: z.string(),
    object: z.literal("verification"),
    status: z.string(),
    type: z.enum(["person", "organization"]),
    method: z.string().nullable(),
    reference: z.string().nullable(),
    livemode: z.boolean(),
    /** Only on verification.review_decided. */
    review: z.object({ id: z.string(), decision: z.enum(["approved", "rejected"]), reason: z.string().nullable() }).optional(),
    /** An organization's by legal_rep_authorization: where the legal representative's authorization stands. */
    authorization: z.object({ status: z.enum(AUTHORIZATION_STATUSES) }).optional(),
  }),
});
export type WebhookEventBody = z.infer<typeof webhookEventBody>;

/** A row for the outbox (`webhook_events`), written in the batch that makes the change. */
export interface OutboxEntry {
  id: string;
  partnerId: string;
  livemode: boolean;
  verificationId: string;
  type: WebhookEventType;
  body: string;
  createdAt: number;
}

interface VerificationAfter {
  id: string;
  /** What the writer knows after a move; a creation has none to tell. */
  state?: FlowState;
  partnerId: string;
  livemode: boolean;
  type: "person" | "organization";
  status: string;
  method: string | null;
  reference: string | null;
  authorization?: AuthorizationRecord | null;
}

/** What a review's decision did, read from the states around it: the review's id was the step's, and a rejection leaves its reason there. */
function decidedReview(before: FlowState, after: FlowState | undefined): NonNullable<WebhookEventBody["data"]["review"]> | null {
  const id = before.kind === "preamble" || before.kind === "step" ? before.data?.review_id : undefined;
  if (!id) return null;
  const rejected = after?.kind === "preamble" || after?.kind === "step" ? after.data?.review_rejected : undefined;
  return rejected ? { id, decision: "rejected", reason: rejected } : { id, decision: "approved", reason: null };
}

/**
 * The event a verification's new status announces, or null when the status announces none
 * (into in_progress, except out of a review) or did not change. Pass `before: null` for a creation.
 */
export function webhookEventFor(v: VerificationAfter, before: { status: string; state: FlowState; authorization?: AuthorizationRecord | null } | null, now: number): OutboxEntry | null {
  const authorization = v.state ? authorizationStatus(v.state, v.authorization, now) : null;
  const authorizationMoved = before !== null && authorization !== null && authorization !== authorizationStatus(before.state, before.authorization, now);
  if (v.status === before?.status && !authorizationMoved) return null;
  const review = before?.status === "requires_review" && v.status === "in_progress" ? decidedReview(before.state, v.state) : null;
  const type = review ? "verification.review_decided" : v.status === before?.status ? "verification.authorization_updated" : BY_STATUS[v.status];
  if (!type || (type === "verification.created") !== (before === null)) return null;
  const body: WebhookEventBody = {
    type,
    timestamp: new Date(now).toISOString(),
    data: {
      id: v.id,
      object: "verification",
      status: v.status,
      type: v.type,
      method: v.method,
      reference: v.reference,
      livemode: v.livemode,
      ...(review ? { review } : {}),
      ...(authorization ? { authorization: { status: authorization } } : {}),
    },
  };
  return { id: newId("evt"), partnerId: v.partnerId, livemode: v.livemode, verificationId: v.id, type, body: JSON.stringify(body), createdAt: now };
}

// Webhook event types and bodies. A body names the verification and its outcome, never a
// person: no names, ID numbers, phones or hashes of them (partners fetch details with their key).
// The body is serialised once, here, and those exact bytes are stored, signed and sent.
import { z } from "zod";
import { newId } from "../crypto/random";

export const WEBHOOK_EVENT_TYPES = [
  "verification.created",
  "verification.verified",
  "verification.failed",
  "verification.canceled",
  "verification.expired",
  // For the review steps later issues add; no status emits it yet.
  "verification.requires_review",
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
  partnerId: string;
  livemode: boolean;
  type: "person" | "organization";
  status: string;
  method: string | null;
  reference: string | null;
}

/**
 * The event a verification's new status announces, or null when the status announces none
 * (in_progress) or did not change. Pass `previousStatus: null` for a creation.
 */
export function webhookEventFor(v: VerificationAfter, previousStatus: string | null, now: number): OutboxEntry | null {
  if (v.status === previousStatus) return null;
  const type = BY_STATUS[v.status];
  if (!type || (type === "verification.created") !== (previousStatus === null)) return null;
  const body: WebhookEventBody = {
    type,
    timestamp: new Date(now).toISOString(),
    data: { id: v.id, object: "verification", status: v.status, type: v.type, method: v.method, reference: v.reference, livemode: v.livemode },
  };
  return { id: newId("evt"), partnerId: v.partnerId, livemode: v.livemode, verificationId: v.id, type, body: JSON.stringify(body), createdAt: now };
}

// The phone's side of the face step: the face-processing consent, the liveness clip, and the one
// place a face verdict (phone browser or Alipay) moves the flow and the handoff together. Faults
// are no attempt; the face provider is called here, never inside the Durable Object.
import { logError } from "../../log";
import { randomInt, randomString } from "../../crypto/random";
import { appendEvents, type EventInput } from "../../db/verifications";
import { choosePrompts, LIVENESS_PROMPTS, type LivenessPrompt } from "../../domain/handoff/liveness-actions";
import { currentMethodStep } from "../../domain/flow/state";
import { recordConsent } from "../../flow/consent";
import type { FlowContext } from "../../flow/context";
import { handoffStub, type PhoneSession } from "../../flow/handoff";
import { pendingOf, verifiedIdentity, type Pending } from "../../flow/pending";
import { beginChange, evidence, move, set, write } from "../../flow/writer";
import { providerCall } from "../../methods/provider-call";
import { LIVENESS_ACTIONS } from "../../providers/face/index";
import type { HandoffPatch, HandoffRecord } from "../../sessions/handoff-session";

export const HANDOFF_STEP = "handoff";

/** The method's sealed input, if this phone session may run the face step now (the desktop waits at the handoff). */
export async function faceStepOpen(ctx: FlowContext, s: PhoneSession, purpose: "face" | "alipay_face"): Promise<Pending | null> {
  const at = currentMethodStep(s.row.state);
  if (s.record.purpose !== purpose || at?.step !== HANDOFF_STEP) return null;
  return pendingOf(ctx.cipher, s.row, at.method);
}

/** Live vendors check only some actions; the sandbox checks all five. */
const LIVE_PROMPTS = LIVENESS_PROMPTS.filter((p) => (LIVENESS_ACTIONS as readonly string[]).includes(p));

function promptPool(livemode: boolean): readonly LivenessPrompt[] {
  return livemode ? LIVE_PROMPTS : LIVENESS_PROMPTS;
}

export async function giveFaceConsent(ctx: FlowContext, s: PhoneSession): Promise<HandoffRecord | null> {
  if (!(await faceStepOpen(ctx, s, "face"))) return null;
  const ch = beginChange(ctx.db, s.row, ctx.now);
  await recordConsent(ctx, ch, s.row.applicantId ?? "", "face_processing");
  if (!(await write(ctx, ch)).ok) return null;
  return handoffStub(ctx, s.record.handoffId).apply({ type: "start_capture" }, { prompts: choosePrompts(randomInt, promptPool(s.row.livemode)) });
}

export const MAX_CLIP_BYTES = 4 * 1024 * 1024;

export function clipKind(bytes: Uint8Array): "webm" | "mp4" | null {
  if (bytes.length > 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "webm";
  if (bytes.length > 12 && String.fromCharCode(...bytes.subarray(4, 8)) === "ftyp") return "mp4";
  return null;
}

export type ClipOutcome = { kind: "invalid"; error: "clip_empty" | "clip_too_large" | "clip_unsupported" } | { kind: "done"; record: HandoffRecord | null };

export async function submitClip(ctx: FlowContext, s: PhoneSession, clip: File): Promise<ClipOutcome> {
  const bytes = new Uint8Array(await clip.arrayBuffer());
  if (bytes.length === 0) return { kind: "invalid", error: "clip_empty" };
  if (bytes.length > MAX_CLIP_BYTES) return { kind: "invalid", error: "clip_too_large" };
  const kind = clipKind(bytes);
  if (!kind) return { kind: "invalid", error: "clip_unsupported" };
  const pending = await faceStepOpen(ctx, s, "face");
  const stub = handoffStub(ctx, s.record.handoffId);
  if (!pending || !s.record.prompts || !(await stub.apply({ type: "submit" }))) return { kind: "done", record: await stub.get() };
  try {
    return await checkClip(ctx, s, pending, bytes, kind);
  } catch (error) {
    // Whatever failed, the phone must be able to try again rather than wait for expiry.
    logError("face_check_failed", error);
    return { kind: "done", record: await stub.apply({ type: "check_failed", final: false }, { lastFailure: "provider_unavailable" }) };
  }
}

async function checkClip(ctx: FlowContext, s: PhoneSession, pending: Pending, bytes: Uint8Array, kind: "webm" | "mp4"): Promise<ClipOutcome> {
  const key = `clips/${s.row.id}/${randomString(32)}`;
  await ctx.env.IMAGES.put(key, bytes, { httpMetadata: { contentType: `video/${kind}` }, customMetadata: { verificationId: s.row.id } });
  const stored: EventInput = { type: "media.stored", actor: "applicant", data: { kind: "liveness_clip", bytes: bytes.length } };
  const answer = await ctx.providers.face.checkLiveness({
    name: pending.input.name ?? "",
    idNumber: pending.input.id_number ?? "",
    clip: bytes,
    clipType: `video/${kind}`,
    expectedActions: s.record.prompts ?? [],
  });
  return { kind: "done", record: await settleFaceAnswer(ctx, s, pending, "face", answer, {}, [stored]) };
}

type FaceAnswer = Parameters<typeof providerCall>[1];

/**
 * One face verdict (phone browser or Alipay) moves the flow and the handoff together; faults are
 * no attempt. The evidence (what led here, then the provider call) rides in the verdict's own
 * write: one round trip, not one per event.
 */
export async function settleFaceAnswer(
  ctx: FlowContext,
  s: PhoneSession,
  pending: Pending,
  capability: string,
  answer: FaceAnswer,
  patch: HandoffPatch = {},
  before: EventInput[] = [],
): Promise<HandoffRecord | null> {
  const stub = handoffStub(ctx, s.record.handoffId);
  const rows = [...before, { type: "provider.call", actor: "system", data: { ...providerCall(capability, answer) } } satisfies EventInput];
  const nextPrompts = () => choosePrompts(randomInt, promptPool(s.row.livemode));
  if (answer.outcome === "unavailable") {
    await appendEvents(ctx.db, s.row, rows, ctx.now);
    return stub.apply({ type: "check_failed", final: false }, { ...patch, lastFailure: "provider_unavailable", prompts: nextPrompts() });
  }
  const ch = beginChange(ctx.db, s.row, ctx.now);
  evidence(ch, rows);
  const passed = answer.outcome === "match";
  const refused = passed ? move(ch, { type: "step_passed", step: HANDOFF_STEP }, { actor: "applicant" }) : move(ch, { type: "attempt_failed", reason: answer.reason }, { actor: "system" });
  if (refused) {
    // A refused move writes nothing of its batch: the evidence stands on its own.
    await appendEvents(ctx.db, s.row, rows, ctx.now);
    return stub.apply({ type: "check_failed", final: true }, passed ? {} : { ...patch, lastFailure: answer.reason });
  }
  if (passed) set(ch, await verifiedIdentity(ctx.cipher, pending.input));
  const written = await write(ctx, ch);
  if (passed) return stub.apply(written.ok ? { type: "check_passed" } : { type: "check_failed", final: true });
  const final = !written.ok || written.row.status === "failed";
  return stub.apply({ type: "check_failed", final }, { ...patch, lastFailure: answer.reason, prompts: nextPrompts() });
}

// The phone side of the handoff: exchange the link token for a session cookie (once), give the
// face-processing consent, and submit the liveness clip. The verification's state machine and the
// handoff's move together; the face provider is called here, never inside the Durable Object.
import { sha256Hex, timingSafeEqual } from "../crypto/hash";
import { logError } from "../log";
import { randomInt, randomString } from "../crypto/random";
import { guardedConsentInsert } from "../db/consents";
import { appendEvent, appendEvents, type EventInput, eventInsert, getVerificationForApplicant, updateVerification } from "../db/verifications";
import { choosePrompts, LIVENESS_PROMPTS, type LivenessPrompt } from "../domain/handoff/liveness-actions";
import { isTerminal } from "../domain/handoff/machine";
import { verifyHandoffToken } from "../handoff/token";
import { providerCall } from "../methods/provider-call";
import { LIVENESS_ACTIONS } from "../providers/face/index";
import type { HandoffPatch, HandoffRecord } from "../sessions/handoff-session";
import { applyEvent } from "../verifications/apply";
import { consentRecord } from "./consent";
import type { HostedContext } from "./context";
import type { ApplicantRow } from "./current-step";
import { handoffStub } from "./handoff";
import { openPending, type Pending, verifiedIdentity } from "./pending";
import { submitIdPhotos } from "./id-photos";
import type { FieldErrorCodes } from "./parse-form";

export type LinkOutcome = { ok: true; cookie: string; record: HandoffRecord } | { ok: false; reason: "used" | "replaced" | "ended" | "expired" | "invalid" };

export async function openLink(ctx: HostedContext, origin: string, token: string): Promise<LinkOutcome> {
  const checked = await verifyHandoffToken(ctx.config.DATA_KEY, origin, token, ctx.now);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const secret = randomString(32);
  const opened = await handoffStub(ctx, checked.claims.handoffId).open(checked.claims.jti, await sha256Hex(secret));
  if (!opened.ok) return { ok: false, reason: opened.reason === "unknown" ? "invalid" : opened.reason };
  const row = await getVerificationForApplicant(ctx.db, opened.record.verificationId);
  if (row) await appendEvent(ctx.db, row, { type: "handoff.opened", actor: "applicant", data: { user_agent: ctx.client.userAgent.slice(0, 120) } }, ctx.now);
  return { ok: true, cookie: `${checked.claims.handoffId}.${secret}`, record: opened.record };
}

export interface PhoneSession {
  record: HandoffRecord;
  row: ApplicantRow;
}

export async function readPhoneSession(ctx: HostedContext, cookie: string | undefined): Promise<PhoneSession | null> {
  const [handoffId, secret] = (cookie ?? "").split(".");
  if (!handoffId || !secret) return null;
  const record = await handoffStub(ctx, handoffId).session(await sha256Hex(secret));
  return record ? sessionOf(ctx, record) : null;
}

/**
 * A handoff with its verification, if the verification still follows it: an older one (replaced,
 * or of another step) keeps its pages but can change nothing.
 */
export async function sessionOf(ctx: HostedContext, record: HandoffRecord): Promise<PhoneSession | null> {
  const row = await getVerificationForApplicant(ctx.db, record.verificationId);
  return row && row.handoffId === record.handoffId ? { record, row } : null;
}

/** Whether the phone cookie is the session of this handoff, without asking the Durable Object again. */
export async function cookieHolds(cookie: string | undefined, record: HandoffRecord): Promise<boolean> {
  const [handoffId, secret] = (cookie ?? "").split(".");
  return handoffId === record.handoffId && !!secret && record.sessionHash !== null && timingSafeEqual(await sha256Hex(secret), record.sessionHash);
}

/** Whether this phone session may run the face step now (the desktop waits at "continue on your phone"). */
export async function faceStepOpen(ctx: HostedContext, s: PhoneSession, purpose: "face" | "alipay_face") {
  if (s.record.purpose !== purpose || s.row.step !== "awaiting_phone") return null;
  const pending = await openPending(ctx.cipher, s.row);
  return pending?.method === "face" ? pending : null;
}

/** Live vendors check only some actions; the sandbox checks all five. */
const LIVE_PROMPTS = LIVENESS_PROMPTS.filter((p) => (LIVENESS_ACTIONS as readonly string[]).includes(p));

function promptPool(livemode: boolean): readonly LivenessPrompt[] {
  return livemode ? LIVE_PROMPTS : LIVENESS_PROMPTS;
}

export async function giveFaceConsent(ctx: HostedContext, s: PhoneSession): Promise<HandoffRecord | null> {
  if (!(await faceStepOpen(ctx, s, "face"))) return null;
  const consent = await consentRecord(ctx, s.row.id, s.row.applicantId ?? "", "face_processing");
  const written = await updateVerification(
    ctx.db,
    s.row,
    { updatedAt: ctx.now },
    { type: "consent.recorded", actor: "applicant", data: { consent_id: consent.id, kind: consent.kind, text_version: consent.textVersion, text_hash: consent.textHash } },
    (guard) => [guardedConsentInsert(ctx.db, consent, guard)],
  );
  if (!written) return null;
  return handoffStub(ctx, s.record.handoffId).apply({ type: "start_capture" }, { prompts: choosePrompts(randomInt, promptPool(s.row.livemode)) });
}

export const MAX_CLIP_BYTES = 4 * 1024 * 1024;

export function clipKind(bytes: Uint8Array): "webm" | "mp4" | null {
  if (bytes.length > 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "webm";
  if (bytes.length > 12 && String.fromCharCode(...bytes.subarray(4, 8)) === "ftyp") return "mp4";
  return null;
}

export type ClipOutcome = { kind: "invalid"; error: "clip_empty" | "clip_too_large" | "clip_unsupported" } | { kind: "done"; record: HandoffRecord | null };

export async function submitClip(ctx: HostedContext, s: PhoneSession, clip: File): Promise<ClipOutcome> {
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

async function checkClip(ctx: HostedContext, s: PhoneSession, pending: Pending, bytes: Uint8Array, kind: "webm" | "mp4"): Promise<ClipOutcome> {
  const key = `clips/${s.row.id}/${randomString(32)}`;
  await ctx.env.IMAGES.put(key, bytes, { httpMetadata: { contentType: `video/${kind}` }, customMetadata: { verificationId: s.row.id } });
  const stored: EventInput = { type: "media.stored", actor: "applicant", data: { kind: "liveness_clip", bytes: bytes.length } };

  const answer = await ctx.providers.face.checkLiveness({ name: pending.name, idNumber: pending.idNumber, clip: bytes, clipType: `video/${kind}`, expectedActions: s.record.prompts ?? [] });
  return { kind: "done", record: await settleFaceAnswer(ctx, s, pending, "face", answer, {}, [stored]) };
}

type FaceAnswer = Parameters<typeof providerCall>[1];

/**
 * One face verdict (phone browser or Alipay) moves the verification and the handoff together;
 * faults are no attempt. The evidence (what led here, then the provider call) rides in the
 * verdict's own write: one round trip, not one per event.
 */
export async function settleFaceAnswer(
  ctx: HostedContext,
  s: PhoneSession,
  pending: Pending,
  capability: string,
  answer: FaceAnswer,
  patch: HandoffPatch = {},
  before: EventInput[] = [],
): Promise<HandoffRecord | null> {
  const stub = handoffStub(ctx, s.record.handoffId);
  const evidence = [...before, { type: "provider.call", actor: "system", data: { ...providerCall(capability, answer) } } satisfies EventInput];
  const nextPrompts = () => choosePrompts(randomInt, promptPool(s.row.livemode));
  if (answer.outcome === "unavailable") {
    await appendEvents(ctx.db, s.row, evidence, ctx.now);
    return stub.apply({ type: "check_failed", final: false }, { ...patch, lastFailure: "provider_unavailable", prompts: nextPrompts() });
  }
  const extra = evidence.map((e) => eventInsert(ctx.db, s.row, e, ctx.now));
  // A refused move writes nothing of its batch (a lost race still writes the unguarded evidence).
  const keepEvidence = async (r: { ok: boolean; error?: string }) => {
    if (!r.ok && r.error !== "conflict") await appendEvents(ctx.db, s.row, evidence, ctx.now);
  };
  if (answer.outcome === "no_match") {
    const failed = await applyEvent(ctx, s.row, { type: "attempt_failed", reason: answer.reason }, "system", ctx.now, { extra });
    await keepEvidence(failed);
    const final = !failed.ok || failed.row.status === "failed";
    return stub.apply({ type: "check_failed", final }, { ...patch, lastFailure: answer.reason, prompts: nextPrompts() });
  }
  const verified = await applyEvent(ctx, s.row, { type: "verify" }, "applicant", ctx.now, { patch: await verifiedIdentity(ctx.cipher, pending), extra });
  await keepEvidence(verified);
  return stub.apply(verified.ok ? { type: "check_passed" } : { type: "check_failed", final: true });
}

export type PhonePhotosOutcome = { kind: "invalid"; errors: FieldErrorCodes } | { kind: "done"; state: string | null };

/** The phone's photos go through the same check as the desktop's; the handoff follows the outcome. */
export async function submitPhonePhotos(ctx: HostedContext, s: PhoneSession, form: FormData): Promise<PhonePhotosOutcome> {
  const stub = handoffStub(ctx, s.record.handoffId);
  if (s.record.purpose !== "id_capture" || isTerminal(s.record.state)) return { kind: "done", state: s.record.state };
  const result = await submitIdPhotos(ctx, s.row, form);
  if (result.kind === "invalid") return { kind: "invalid", errors: result.errors };
  // Already settled elsewhere (the desktop uploaded first): the handoff has nothing to add.
  if (result.kind === "stale") return { kind: "done", state: s.record.state };
  await stub.apply({ type: "start_capture" });
  await stub.apply({ type: "submit" });
  const after =
    result.kind === "verified"
      ? await stub.apply({ type: "check_passed" })
      : result.kind === "retry"
        ? await stub.apply({ type: "check_failed", final: false }, { lastFailure: result.reason })
        : await stub.apply({ type: "check_failed", final: true }, { lastFailure: result.row.failureReason });
  return { kind: "done", state: after?.state ?? null };
}

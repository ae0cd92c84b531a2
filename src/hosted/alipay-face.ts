// Alipay face: the phone leaves our page for the check inside the Alipay app, and the verdict is
// always asked of Alipay by certify_id, never read from whoever comes back. Three ways in: the
// phone starts a check; Alipay sends the phone to the return URL when the check ends; the desktop
// asks for the result (the guide's "query the result on the PC page") when no phone came back.
import { timingSafeEqual } from "../crypto/hash";
import { randomString } from "../crypto/random";
import { appendEvent, getVerificationForApplicant } from "../db/verifications";
import { providerCall } from "../methods/provider-call";
import type { HandoffRecord } from "../sessions/handoff-session";
import type { HostedContext } from "./context";
import type { ApplicantRow } from "./current-step";
import { handoffStub } from "./handoff";
import { faceStepOpen, type PhoneSession, settleFaceAnswer } from "./phone";

export const ALIPAY_RETURN_PATH = "/p/alipay/return";

/** What the desktop is told after asking: nothing to ask about yet, Alipay has no pass (yet), or it could not be asked. */
export type AlipayQueryNotice = "alipay_not_started" | "alipay_not_passed_yet" | "provider_unavailable";

export type AlipayStartOutcome = { kind: "started"; certifyUrl: string } | { kind: "unavailable" } | { kind: "closed" };

// The return URL carries the handoff id and a keyed tag over it: the phone may come back in
// another browser (the system camera opened us, Alipay opened the return), so no cookie is needed,
// and nobody can make us query a handoff whose id they merely guessed at.
async function returnTag(ctx: HostedContext, handoffId: string): Promise<string> {
  return ctx.cipher.hash("alipay_return", handoffId);
}

export async function alipayReturnUrl(ctx: HostedContext, handoffId: string): Promise<string> {
  const url = new URL(ALIPAY_RETURN_PATH, ctx.origin);
  url.searchParams.set("h", handoffId);
  url.searchParams.set("t", await returnTag(ctx, handoffId));
  return url.toString();
}

/** Registers a check at Alipay for the verified name and ID, and keeps its certify_id on the handoff. */
export async function startAlipayFace(ctx: HostedContext, s: PhoneSession): Promise<AlipayStartOutcome> {
  const provider = ctx.providers.alipayFace;
  const pending = await faceStepOpen(ctx, s, "alipay_face");
  if (!provider || !pending || (s.record.state !== "opened" && s.record.state !== "capturing")) return { kind: "closed" };
  const stub = handoffStub(ctx, s.record.handoffId);
  const started = await provider.start({
    name: pending.name,
    idNumber: pending.idNumber,
    outerOrderNo: randomString(32),
    returnUrl: await alipayReturnUrl(ctx, s.record.handoffId),
  });
  if (started.outcome === "unavailable") {
    await appendEvent(ctx.db, s.row, { type: "provider.call", actor: "system", data: { ...providerCall("alipay_face", started) } }, ctx.now);
    await stub.apply({ type: "start_capture" }, { lastFailure: "provider_unavailable", alipay: null });
    return { kind: "unavailable" };
  }
  await appendEvent(ctx.db, s.row, { type: "alipay.certify_started", actor: "applicant", data: { provider: started.provider, certify_id: started.serial } }, ctx.now);
  const moved = await stub.apply({ type: "start_capture" }, { lastFailure: null, alipay: { certifyId: started.certifyId, certifyUrl: started.certifyUrl } });
  return moved ? { kind: "started", certifyUrl: started.certifyUrl } : { kind: "closed" };
}

/** The handoff a return URL names, when its tag is right and it still waits on an Alipay check. */
export async function returningSession(ctx: HostedContext, handoffId: string, tag: string): Promise<PhoneSession | null> {
  if (!handoffId || !timingSafeEqual(tag, await returnTag(ctx, handoffId))) return null;
  const record = await handoffStub(ctx, handoffId).get();
  if (!record) return null;
  const row = await getVerificationForApplicant(ctx.db, record.verificationId);
  return row && row.handoffId === record.handoffId ? { record, row } : null;
}

/**
 * The check ended in Alipay, passed or not: its verdict settles the step and counts as a try.
 * Alipay answers "not passed" too for a check the applicant left unfinished; coming back through
 * the return URL is what says it was finished.
 */
export async function settleAlipayReturn(ctx: HostedContext, s: PhoneSession): Promise<HandoffRecord | null> {
  const stub = handoffStub(ctx, s.record.handoffId);
  const check = s.record.alipay;
  const pending = await faceStepOpen(ctx, s, "alipay_face");
  if (!ctx.providers.alipayFace || !pending || !check || s.record.state !== "capturing") return stub.get();
  if (!(await stub.apply({ type: "submit" }))) return stub.get();
  const answer = await ctx.providers.alipayFace.query(check.certifyId);
  // A certify_id serves one check; after a failure the phone starts a new one.
  return settleFaceAnswer(ctx, s, pending, "alipay_face", answer, answer.outcome === "match" ? {} : { alipay: null });
}

/**
 * The desktop asks Alipay for the result of the check the phone started. Only a pass settles
 * anything here: a "not passed" may be a check still under way, so it never counts as a try.
 */
export async function queryAlipayFromDesktop(ctx: HostedContext, row: ApplicantRow): Promise<AlipayQueryNotice | null> {
  const record = row.handoffId ? await handoffStub(ctx, row.handoffId).get() : null;
  if (!record || record.purpose !== "alipay_face") return null;
  const s: PhoneSession = { record, row };
  const check = record.alipay;
  const pending = await faceStepOpen(ctx, s, "alipay_face");
  if (!ctx.providers.alipayFace || !pending) return null;
  if (record.state === "waiting" || record.state === "opened" || (record.state === "capturing" && !check)) return "alipay_not_started";
  if (record.state !== "capturing" || !check) return null;
  const answer = await ctx.providers.alipayFace.query(check.certifyId);
  if (answer.outcome === "unavailable") return "provider_unavailable";
  if (answer.outcome === "no_match") return "alipay_not_passed_yet";
  const stub = handoffStub(ctx, record.handoffId);
  if (!(await stub.apply({ type: "submit" }))) return null;
  await settleFaceAnswer(ctx, s, pending, "alipay_face", answer);
  return null;
}

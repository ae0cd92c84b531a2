// Alipay face: the phone leaves our page for the check inside the Alipay app, and the verdict is
// always asked of Alipay by certify_id, never read from whoever comes back. Three ways in: the
// phone starts a check; Alipay sends the phone to the return URL when the check ends; the phone or
// the desktop asks for the result (the guide's "query the result on the PC page") when no return
// came. One check at a time per handoff, and every move names the check it is about, so a double
// tap, an old return URL or a query racing a return cannot settle or fail the wrong check.
import { timingSafeEqual } from "../../crypto/hash";
import { randomString } from "../../crypto/random";
import { appendEvent } from "../../db/verifications";
import type { ApplicantRow } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { handoffStub, type PhoneSession, sessionOf } from "../../flow/handoff";
import { providerCall } from "../../methods/provider-call";
import type { HandoffRecord } from "../../sessions/handoff-session";
import type { AlipayNotice } from "../../../views/steps/model";
import { faceStepOpen, settleFaceAnswer } from "./face";

export const ALIPAY_RETURN_PATH = "/p/alipay/return";

/** The least time between two "query the result" asks of one handoff: each is a call to Alipay. */
export const ALIPAY_QUERY_INTERVAL_MS = 5_000;

/** How long one start of an Alipay check may hold the handoff before another may try. */
const ALIPAY_CLAIM_MS = 20_000;

export type AlipayQueryNotice = AlipayNotice;

export type AlipayStartOutcome = { kind: "started"; certifyUrl: string } | { kind: "unavailable" } | { kind: "closed" };

// The return URL carries the handoff id, the check's own reference and a keyed tag over both: the
// phone may come back in another browser (the system camera opened us, Alipay opens the return),
// so no cookie is needed; nobody can make us query a handoff by guessing; and an old return URL
// names an old check, which no longer moves anything.
function returnTag(ctx: FlowContext, handoffId: string, outerOrderNo: string): Promise<string> {
  return ctx.cipher.hash("alipay_return", `${handoffId}.${outerOrderNo}`);
}

async function alipayReturnUrl(ctx: FlowContext, handoffId: string, outerOrderNo: string): Promise<string> {
  const url = new URL(ALIPAY_RETURN_PATH, ctx.origin);
  url.searchParams.set("h", handoffId);
  url.searchParams.set("o", outerOrderNo);
  url.searchParams.set("t", await returnTag(ctx, handoffId, outerOrderNo));
  return url.toString();
}

/** The registered check's certify URL, signed now (a kept one would carry a stale timestamp). */
export async function certifyUrlFor(ctx: FlowContext, record: HandoffRecord): Promise<string | null> {
  const check = record.externalCheck;
  if (!ctx.providers.alipayFace || !check) return null;
  const url = await ctx.providers.alipayFace.certifyUrl(check.checkId, await alipayReturnUrl(ctx, record.handoffId, check.reference));
  return typeof url === "string" ? url : null;
}

/** Registers a check at Alipay for the verified name and ID; with one registered already, goes back to it. */
export async function startAlipayFace(ctx: FlowContext, s: PhoneSession): Promise<AlipayStartOutcome> {
  const provider = ctx.providers.alipayFace;
  const pending = await faceStepOpen(ctx, s, "alipay_face");
  if (!provider || !pending) return { kind: "closed" };
  if (s.record.externalCheck) {
    const url = await certifyUrlFor(ctx, s.record);
    return url ? { kind: "started", certifyUrl: url } : { kind: "unavailable" };
  }
  const stub = handoffStub(ctx, s.record.handoffId);
  const outerOrderNo = randomString(32);
  if (!(await stub.claimExternalStart(outerOrderNo, ALIPAY_CLAIM_MS))) return { kind: "closed" };
  const started = await provider.start({
    name: pending.input.name ?? "",
    idNumber: pending.input.id_number ?? "",
    outerOrderNo,
    returnUrl: await alipayReturnUrl(ctx, s.record.handoffId, outerOrderNo),
  });
  if (started.outcome === "unavailable") {
    await appendEvent(ctx.db, s.row, { type: "provider.call", actor: "system", data: { ...providerCall("alipay_face", started) } }, ctx.now);
    await stub.finishExternalStart(outerOrderNo, { lastFailure: "provider_unavailable" });
    return { kind: "unavailable" };
  }
  if (!(await stub.finishExternalStart(outerOrderNo, { check: { checkId: started.certifyId, reference: outerOrderNo } }))) return { kind: "closed" };
  await appendEvent(ctx.db, s.row, { type: "alipay.certify_started", actor: "applicant", data: { provider: started.provider, certify_id: started.serial, outer_order_no: outerOrderNo } }, ctx.now);
  return { kind: "started", certifyUrl: started.certifyUrl };
}

/** The handoff a return URL names, when its tag is right and the handoff is still the verification's. */
export async function returningSession(ctx: FlowContext, handoffId: string, outerOrderNo: string, tag: string): Promise<PhoneSession | null> {
  if (!handoffId || !outerOrderNo || !timingSafeEqual(tag, await returnTag(ctx, handoffId, outerOrderNo))) return null;
  const record = await handoffStub(ctx, handoffId).get();
  return record ? sessionOf(ctx, record) : null;
}

/**
 * Alipay sent the phone back: the check it names ended, passed or not, and its verdict counts as
 * a try. (Alipay answers "not passed" too for a check left unfinished; the return is what says it
 * ended.) A vendor fault keeps the check, so the result can be asked for again.
 */
export async function settleAlipayReturn(ctx: FlowContext, s: PhoneSession, outerOrderNo: string): Promise<HandoffRecord | null> {
  const stub = handoffStub(ctx, s.record.handoffId);
  const check = s.record.externalCheck;
  const pending = await faceStepOpen(ctx, s, "alipay_face");
  if (!ctx.providers.alipayFace || !pending || check?.reference !== outerOrderNo) return stub.get();
  if (!(await stub.submitExternal(check.checkId))) return stub.get();
  const answer = await ctx.providers.alipayFace.query(check.checkId);
  // A certify_id serves one check; after a failure the phone registers a new one.
  return settleFaceAnswer(ctx, s, pending, "alipay_face", answer, answer.outcome === "no_match" ? { externalCheck: null } : {});
}

/**
 * The phone or the desktop asks Alipay for the result of the registered check. Only a pass
 * settles anything: a "not passed" may be a check still under way, so it never counts as a try.
 */
export async function queryAlipayCheck(ctx: FlowContext, s: PhoneSession): Promise<AlipayQueryNotice | null> {
  const { record } = s;
  const pending = await faceStepOpen(ctx, s, "alipay_face");
  if (!ctx.providers.alipayFace || !pending) return null;
  const check = record.externalCheck;
  if (!check) return record.state === "waiting" || record.state === "opened" || record.state === "capturing" ? "alipay_not_started" : null;
  if (!(await handoffStub(ctx, record.handoffId).allowResultQuery(ALIPAY_QUERY_INTERVAL_MS))) return "alipay_query_too_soon";
  const answer = await ctx.providers.alipayFace.query(check.checkId);
  if (answer.outcome === "unavailable") return "provider_unavailable";
  if (answer.outcome === "no_match") return "alipay_not_passed_yet";
  if (!(await handoffStub(ctx, record.handoffId).submitExternal(check.checkId))) return null;
  await settleFaceAnswer(ctx, s, pending, "alipay_face", answer);
  return null;
}

export async function queryAlipayFromDesktop(ctx: FlowContext, row: ApplicantRow): Promise<AlipayQueryNotice | null> {
  const record = row.handoffId ? await handoffStub(ctx, row.handoffId).get() : null;
  return record ? queryAlipayCheck(ctx, { record, row }) : null;
}

// The operator's side of legal_rep_authorization: the invitation step (entered: a new invitation
// with its link) and the signature step show one page, the invitation's, read from the row and the
// invitation's Durable Object; its actions send the link by SMS, make a new link, or ask again.
import { beijingMinute } from "../../domain/clock";
import { authorizationStatus, ID_MISMATCH, INVITATION_LIFETIME_MS, INVITATION_STEP, SIGNATURE_STEP } from "../../domain/authorization/record";
import { currentMethodStep } from "../../domain/flow/state";
import { MAX_FAILED_ATTEMPTS } from "../../domain/flow/transition";
import { maskPhone } from "../../domain/masking";
import { invitationSmsText } from "../../domain/sms/message";
import { PHONE_SEND_RULES } from "../../domain/sms/send-limits";
import { appendEvent } from "../../db/verifications";
import { type ApplicantRow, type ApplicantSession, localeOf } from "../../flow/applicant";
import type { FlowContext } from "../../flow/context";
import { runEffects } from "../../flow/effects";
import { currentInvitation, invitationStub, issueLink, openInvitation } from "../../flow/invitation";
import type { ActionOutcome, StepModule, ViewArgs } from "../../flow/steps";
import { alongside, beginChange, move, note, set, write } from "../../flow/writer";
import { offeredMethods } from "../../journey/offered";
import { firstIssueCode, mobileNumber } from "../../schemas/identifiers";
import type { InvitationRecord } from "../../sessions/invitation-session";
import type { StepView } from "../../../views/steps/model";
import { sendMessage } from "../../flow/sms";

interface Facts {
  record: InvitationRecord | null;
  now: number;
}

/** What the SMS form shows after a refused send: the number typed, why, and the wait. */
type SmsNotice = { phone: string; error: string; seconds?: number };

const LINK_ERRORS: Readonly<Record<string, string>> = { cooldown: "link_cooldown", hourly_limit: "link_hourly_limit", daily_limit: "link_daily_limit" };

function invitationView(row: ApplicantRow, facts: Facts, sms?: SmsNotice): StepView {
  const record = row.authorization;
  const status = authorizationStatus(row.state, record, facts.now) ?? "expired";
  const at = currentMethodStep(row.state);
  const sentAt = facts.record?.smsSentAt ?? null;
  const wait = sentAt ? Math.max(0, Math.ceil((sentAt + PHONE_SEND_RULES.cooldownMs - facts.now) / 1000)) : 0;
  const childOutcome = at?.data?.child_outcome;
  return {
    locale: localeOf(row),
    verificationId: row.id,
    partnerName: row.partnerName,
    kind: "invitation",
    status,
    organization: { name: row.orgName ?? "", legalRepName: row.orgLegalRepNameMasked ?? "" },
    ...(facts.record?.currentLink && !facts.record.sessionHash ? { link: facts.record.currentLink } : {}),
    expiresAt: beijingMinute(record?.expiresAt ?? row.expiresAt),
    ...(record?.sentTo ? { sentTo: record.sentTo } : {}),
    smsWaitSeconds: sms?.seconds ?? wait,
    ...(sms ? { phone: sms.phone, errors: { legal_rep_phone: sms.error } } : { errors: {} }),
    ...(status === "declined"
      ? {
          declined: childOutcome
            ? { why: "not_verified" as const }
            : record?.declineReason === ID_MISMATCH
              ? { why: "id_mismatch" as const }
              : { why: "declined" as const, ...(record?.declineReason ? { reason: record.declineReason } : {}) },
        }
      : {}),
    attemptsLeft: MAX_FAILED_ATTEMPTS - row.failedAttempts,
    canChangeMethod: offeredMethods(row).length > 1,
  };
}

async function readFacts(ctx: FlowContext, row: ApplicantRow): Promise<Facts> {
  return { record: await currentInvitation(ctx, row), now: ctx.now };
}

const view = (row: ApplicantRow, _args: ViewArgs, facts: Facts) => invitationView(row, facts);

function atInvitation(row: ApplicantRow): boolean {
  const at = currentMethodStep(row.state);
  return at?.step === INVITATION_STEP && !!row.authorization;
}

/** 方式二: the link by SMS to the number typed, within the same limits as codes. */
async function sendSms(ctx: FlowContext, row: ApplicantRow, _session: ApplicantSession, form: FormData): Promise<ActionOutcome> {
  if (!atInvitation(row)) return { kind: "stale" };
  const typed = String(form.get("legal_rep_phone") ?? "").trim();
  const facts = await readFacts(ctx, row);
  const refuse = (error: string, seconds?: number): ActionOutcome => ({
    kind: "render",
    view: invitationView(row, facts, { phone: typed, error, ...(seconds ? { seconds } : {}) }),
    status: 422,
  });
  const phone = mobileNumber.safeParse(typed, { reportInput: true });
  if (!phone.success) return refuse(firstIssueCode(phone.error));
  const link = facts.record?.currentLink;
  if (!link || facts.record?.sessionHash) return refuse("link_opened");
  const days = String(Math.round(INVITATION_LIFETIME_MS / 86_400_000));
  const sent = await sendMessage(ctx, row, phone.data, "authorization_link", (sign) => invitationSmsText(sign, row.partnerName, row.orgName ?? "", link, Number(days)));
  if (!sent.outcome.ok) {
    if (sent.records.length) await ctx.db.batch(sent.records as [never, ...never[]]);
    return refuse(LINK_ERRORS[sent.outcome.reason] ?? sent.outcome.reason, sent.outcome.retryAfterSeconds);
  }
  const ch = beginChange(ctx.db, row, ctx.now);
  alongside(
    ch,
    sent.records.map((r) => () => r),
  );
  set(ch, { authorization: { ...row.authorization!, sentAt: ctx.now, sentTo: maskPhone(phone.data) } });
  note(ch, { type: "authorization.link_sent", actor: "applicant", data: { channel: "sms", phone: maskPhone(phone.data) } });
  const written = await write(ctx, ch);
  if (!written.ok) return { kind: "stale" };
  await invitationStub(ctx, row.authorization!.invitationId).smsSent(ctx.now);
  return { kind: "moved", row: written.row };
}

/** A new link: the QR code and any SMS sent before stop working at once. */
async function replaceLink(ctx: FlowContext, row: ApplicantRow): Promise<ActionOutcome> {
  if (!atInvitation(row)) return { kind: "stale" };
  const replaced = await issueLink(ctx, row.authorization!.invitationId);
  if (replaced) await appendEvent(ctx.db, row, { type: "authorization.link_replaced", actor: "applicant" }, ctx.now);
  return { kind: "moved", row };
}

/** After a decline (or a legal representative who could not verify, or an expiry): a new invitation. */
async function askAgain(ctx: FlowContext, row: ApplicantRow, session: ApplicantSession): Promise<ActionOutcome> {
  const at = currentMethodStep(row.state);
  const status = authorizationStatus(row.state, row.authorization, ctx.now);
  if (!at || (at.step !== INVITATION_STEP && at.step !== SIGNATURE_STEP) || (status !== "declined" && status !== "expired")) return { kind: "stale" };
  const ch = beginChange(ctx.db, row, ctx.now);
  if (move(ch, { type: "start", method: at.method, plan: at.plan }, { actor: "applicant", label: "authorization.asked_again" })) return { kind: "stale" };
  await runEffects(ctx, ch, null, session);
  const written = await write(ctx, ch);
  return written.ok ? { kind: "moved", row: written.row } : { kind: "stale" };
}

export const invitationStep: StepModule<Facts> = {
  kind: INVITATION_STEP,
  async enter(ctx, ch) {
    await openInvitation(ctx, ch);
    return undefined;
  },
  read: (ctx, row) => readFacts(ctx, row),
  view,
  actions: [
    { path: "invitation/sms", handle: sendSms },
    { path: "invitation/replace", handle: (ctx, row) => replaceLink(ctx, row) },
    { path: "invitation/restart", handle: askAgain },
  ],
};

/** The legal representative signs on their phone; the operator's page is the invitation's still. */
export const signatureStep: StepModule<Facts> = {
  kind: SIGNATURE_STEP,
  read: (ctx, row) => readFacts(ctx, row),
  view,
  actions: [{ path: "invitation/restart", handle: askAgain }],
};

export { invitationView };

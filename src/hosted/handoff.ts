// The desktop side of the handoff: make sure the verification has a live handoff, issue a fresh
// link token for its QR code, and name the phone link. One handoff per verification at a time.
import { randomString } from "../crypto/random";
import { getVerificationForApplicant, updateVerification } from "../db/verifications";
import { isTerminal } from "../domain/handoff/machine";
import { signHandoffToken } from "../handoff/token";
import type { HandoffPurpose, HandoffRecord } from "../sessions/handoff-session";
import type { HostedContext } from "./context";
import type { ApplicantRow } from "./current-step";

/** A handoff outlives one link (5 min) but not the desktop's patience: 30 minutes, at most the verification's life. */
export const HANDOFF_LIFETIME_MS = 30 * 60_000;

export function handoffStub(ctx: Pick<HostedContext, "env">, handoffId: string) {
  return ctx.env.HANDOFFS.get(ctx.env.HANDOFFS.idFromName(handoffId));
}

/** A link shown again must still leave the applicant time to scan it; below this, a new one is signed. */
export const LINK_REUSE_MIN_MS = 2 * 60_000;

export interface DesktopHandoff {
  record: HandoffRecord;
  /** Present while the phone has not opened a link yet. */
  link?: { url: string; expiresAt: number; minutesLeft: number };
}

function linkFor(ctx: HostedContext, url: string, expiresAt: number): DesktopHandoff["link"] {
  return { url, expiresAt, minutesLeft: Math.max(1, Math.ceil((expiresAt - ctx.now) / 60_000)) };
}

export async function desktopHandoff(
  ctx: HostedContext,
  row: ApplicantRow,
  origin: string,
  opts: { fresh?: boolean; purpose?: HandoffPurpose } = {},
): Promise<DesktopHandoff> {
  let record = row.handoffId ? await handoffStub(ctx, row.handoffId).get() : null;
  // The face step keeps whichever channel (phone browser or Alipay) the applicant last chose.
  const purpose = opts.purpose ?? (record?.purpose === "alipay_face" ? "alipay_face" : "face");
  if (!record || record.state === "expired" || record.purpose !== purpose || (opts.fresh && isTerminal(record.state))) {
    const handoffId = randomString(24);
    const created = await handoffStub(ctx, handoffId).init({ handoffId, verificationId: row.id, purpose, expiresAt: Math.min(row.expiresAt, ctx.now + HANDOFF_LIFETIME_MS) });
    if (await updateVerification(ctx.db, row, { handoffId, updatedAt: ctx.now }, { type: "handoff.created", actor: "system", data: { purpose } })) {
      record = created;
    } else {
      // Another tab made the verification's handoff first: follow that one, not ours.
      const current = await getVerificationForApplicant(ctx.db, row.id);
      record = current?.handoffId ? await handoffStub(ctx, current.handoffId).get() : null;
      if (!record) return { record: created };
    }
  }
  if (record.state !== "waiting" && !opts.fresh) return { record };
  const shown = record.currentLink;
  // The token names the origin it was signed for; a link from another origin would not open.
  if (!opts.fresh && record.state === "waiting" && shown?.url.startsWith(`${origin}/p/`) && shown.expiresAt - ctx.now >= LINK_REUSE_MIN_MS) {
    return { record, link: linkFor(ctx, shown.url, shown.expiresAt) };
  }
  const signed = await signHandoffToken(ctx.config.DATA_KEY, origin, record.handoffId, ctx.now);
  const url = `${origin}/p/${signed.token}`;
  const issued = await handoffStub(ctx, record.handoffId).issueToken(signed.jti, { url, expiresAt: signed.expiresAt });
  if (!issued) return { record };
  return { record: issued, link: linkFor(ctx, url, signed.expiresAt) };
}

// One Durable Object per phone number (named by the number's keyed hash), and one per client IP
// for the per-IP cap. It holds codes, send history and timing only: it decides, and the Worker
// sends the SMS through the provider. It never stores a code in plaintext.
import { DurableObject } from "cloudflare:workers";
import { type DataCipher, dataCipher } from "../crypto/data-key";
import { dataKeyFromEnv } from "../crypto/data-key-from-env";
import { timingSafeEqual } from "../crypto/hash";
import { randomDigits } from "../crypto/random";
import { CODE_LENGTH, CODE_TTL_MS, type CodePurpose, type CheckOutcome, decideCheck, MAX_WRONG_TRIES, type StoredCode } from "../domain/sms/code";
import { decideSend, IP_SEND_RULES, keepRecent, PHONE_SEND_RULES, type SendRules } from "../domain/sms/send-limits";

export type IssueResult = { ok: true; code: string; sendId: string; expiresAt: number } | { ok: false; reason: string; retryAfterMs: number };

const RULES: Record<"phone" | "ip", SendRules> = { phone: PHONE_SEND_RULES, ip: IP_SEND_RULES };

/** The longest window any send limit counts over: after it, nothing here matters any more. */
export const FORGET_AFTER_LAST_SEND_MS = Math.max(...[PHONE_SEND_RULES, IP_SEND_RULES].flatMap((r) => [r.cooldownMs, ...r.windows.map((w) => w.windowMs)]));

/**
 * All this object reads from the env. Not the Worker's `Env`: that type names this class, and the
 * object must keep working whatever the Worker's other settings are (see data-key-from-env.ts).
 */
export interface SmsCodeSessionEnv {
  DATA_KEY?: string;
}

export class SmsCodeSession extends DurableObject<SmsCodeSessionEnv> {
  #cipher: Promise<DataCipher> | undefined;

  private cipher(): Promise<DataCipher> {
    this.#cipher ??= dataCipher(dataKeyFromEnv(this.env));
    return this.#cipher;
  }

  private async history(): Promise<number[]> {
    return (await this.ctx.storage.get<number[]>("sentAt")) ?? [];
  }

  /** Whether the last send's code was entered right (its send time is kept as "usedSend"). */
  private async lastCodeUsed(sentAt: readonly number[]): Promise<boolean> {
    const last = sentAt.at(-1);
    return last !== undefined && (await this.ctx.storage.get<number>("usedSend")) === last;
  }

  /** Counts a send against this object's limits (an IP's, or a phone's without issuing a code). */
  async takeSendSlot(kind: "phone" | "ip"): Promise<{ ok: true; sendId: string } | { ok: false; reason: string; retryAfterMs: number }> {
    const now = Date.now();
    const rules = RULES[kind];
    const sentAt = keepRecent(await this.history(), now, rules);
    const decision = decideSend(sentAt, now, rules, await this.lastCodeUsed(sentAt));
    if (!decision.ok) return decision;
    await this.ctx.storage.put("sentAt", [...sentAt, now]);
    // A pending code's alarm comes first; otherwise this send's own forgetting time.
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(now + FORGET_AFTER_LAST_SEND_MS);
    return { ok: true, sendId: String(now) };
  }

  /** Issues a new code for a phone, voiding any earlier one, if the phone's limits allow a send. */
  async issueCode(verificationId: string, purpose: CodePurpose): Promise<IssueResult> {
    const slot = await this.takeSendSlot("phone");
    if (!slot.ok) return slot;
    // The send's own time: releaseSend finds the code by it, and the clock may move on after I/O.
    const now = Number(slot.sendId);
    const code = randomDigits(CODE_LENGTH);
    const stored: StoredCode = {
      codeHash: await (await this.cipher()).hash("sms_code", `${verificationId}:${purpose}:${code}`),
      verificationId,
      purpose,
      issuedAt: now,
      expiresAt: now + CODE_TTL_MS,
      wrongTries: 0,
    };
    await this.ctx.storage.put("code", stored);
    await this.ctx.storage.setAlarm(stored.expiresAt);
    return { ok: true, code, sendId: slot.sendId, expiresAt: stored.expiresAt };
  }

  /** The provider could not take the message: the send must not count against the applicant. */
  async releaseSend(sendId: string): Promise<void> {
    const sentAt = await this.history();
    await this.ctx.storage.put(
      "sentAt",
      sentAt.filter((t) => String(t) !== sendId),
    );
    const stored = await this.ctx.storage.get<StoredCode>("code");
    if (stored && String(stored.issuedAt) === sendId) await this.ctx.storage.delete("code");
  }

  async checkCode(verificationId: string, purpose: CodePurpose, code: string): Promise<CheckOutcome> {
    const stored = await this.ctx.storage.get<StoredCode>("code");
    const candidate = await (await this.cipher()).hash("sms_code", `${verificationId}:${purpose}:${code}`);
    const matches = stored !== undefined && stored.codeHash !== "" && timingSafeEqual(stored.codeHash, candidate);
    const { outcome, next } = decideCheck(stored, { verificationId, purpose, matches }, Date.now());
    if (outcome.ok && stored) await this.ctx.storage.put("usedSend", stored.issuedAt);
    if (next === undefined) {
      // Keep a tombstone of an expired code so a late check can say "expired", not "no code".
      if (outcome.ok || outcome.reason !== "expired") await this.ctx.storage.delete("code");
    } else if (next !== stored) {
      await this.ctx.storage.put("code", next);
    }
    return outcome;
  }

  /**
   * What a code step shows on a reload, without changing anything: whether a code for this
   * verification and purpose can still be entered, and how long until another may be sent.
   */
  async status(verificationId: string, purpose: CodePurpose): Promise<{ codeLive: boolean; codeElsewhere: boolean; nextSendInMs: number }> {
    const now = Date.now();
    const stored = await this.ctx.storage.get<StoredCode>("code");
    const live = !!stored && stored.codeHash !== "" && stored.expiresAt > now && stored.wrongTries < MAX_WRONG_TRIES;
    const here = !!stored && stored.verificationId === verificationId && stored.purpose === purpose;
    const sentAt = keepRecent(await this.history(), now, RULES.phone);
    const decision = decideSend(sentAt, now, RULES.phone, await this.lastCodeUsed(sentAt));
    // A code still live for another verification (or purpose) explains a wait nobody here asked for.
    return { codeLive: live && here, codeElsewhere: live && !here, nextSendInMs: decision.ok ? 0 : decision.retryAfterMs };
  }

  /**
   * The code's life ends here whatever the wall clock says: tests and production alike rely on it.
   * Then the object keeps its tombstone and send history only as long as the longest send limit
   * looks back (a day after the last send), and forgets everything after that.
   */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const stored = await this.ctx.storage.get<StoredCode>("code");
    if (stored && stored.codeHash !== "") {
      await this.ctx.storage.put("code", { ...stored, codeHash: "", expiresAt: Math.min(stored.expiresAt, now) });
    }
    const forgetAt = Math.max(0, ...(await this.history())) + FORGET_AFTER_LAST_SEND_MS;
    if (now >= forgetAt) await this.ctx.storage.deleteAll();
    else await this.ctx.storage.setAlarm(forgetAt);
  }
}

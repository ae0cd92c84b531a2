// SMS send limits as a pure decision over past send times: a cooldown after the last send and
// caps over rolling windows. The caller passes the clock; nothing here stores anything.
export interface WindowRule {
  windowMs: number;
  max: number;
  reason: string;
}

export interface SendRules {
  cooldownMs: number;
  windows: readonly WindowRule[];
}

export const PHONE_SEND_RULES: SendRules = {
  cooldownMs: 60_000,
  windows: [
    { windowMs: 60 * 60_000, max: 5, reason: "hourly_limit" },
    { windowMs: 24 * 60 * 60_000, max: 10, reason: "daily_limit" },
  ],
};

// Per-IP caps stop one client from walking through many numbers; generous enough for a shared office NAT.
export const IP_SEND_RULES: SendRules = {
  cooldownMs: 0,
  windows: [
    { windowMs: 60 * 60_000, max: 30, reason: "ip_hourly_limit" },
    { windowMs: 24 * 60 * 60_000, max: 100, reason: "ip_daily_limit" },
  ],
};

export type SendDecision = { ok: true } | { ok: false; reason: string; retryAfterMs: number };

/**
 * `sentAt` must be ascending. `lastCodeUsed`: the last send's code was entered right. The cooldown
 * is there to stop a phone being flooded with codes nobody enters; one that was entered proves the
 * phone's owner is at the screen, and the next step's code (a signature after the sign-in) must
 * not make them wait. The windows still count every send.
 */
export function decideSend(sentAt: readonly number[], now: number, rules: SendRules, lastCodeUsed = false): SendDecision {
  const last = sentAt.at(-1);
  if (last !== undefined && !lastCodeUsed && now - last < rules.cooldownMs) {
    return { ok: false, reason: "cooldown", retryAfterMs: rules.cooldownMs - (now - last) };
  }
  for (const rule of rules.windows) {
    const inWindow = sentAt.filter((t) => now - t < rule.windowMs);
    if (inWindow.length >= rule.max) {
      const oldest = inWindow[inWindow.length - rule.max]!;
      return { ok: false, reason: rule.reason, retryAfterMs: rule.windowMs - (now - oldest) };
    }
  }
  return { ok: true };
}

export function keepRecent(sentAt: readonly number[], now: number, rules: SendRules): number[] {
  const longest = Math.max(rules.cooldownMs, ...rules.windows.map((w) => w.windowMs));
  return sentAt.filter((t) => now - t < longest);
}

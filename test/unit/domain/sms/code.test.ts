import { describe, expect, it } from "vitest";
import { decideCheck, MAX_WRONG_TRIES, type StoredCode } from "../../../../src/domain/sms/code";
import { smsText } from "../../../../src/domain/sms/message";
import { bankcard4 } from "../../../../src/methods/bankcard4";

const NOW = 1_700_000_000_000;
const stored: StoredCode = { codeHash: "h", verificationId: "ver_a", purpose: "mobile3", issuedAt: NOW, expiresAt: NOW + 300_000, wrongTries: 0 };
const ask = (matches: boolean, over: Partial<{ verificationId: string; purpose: "mobile3" | "bankcard4" }> = {}) => ({ verificationId: "ver_a", purpose: "mobile3" as const, matches, ...over });

describe("SMS code checks", () => {
  it("should accept the right code once and drop it", () => {
    expect(decideCheck(stored, ask(true), NOW)).toEqual({ outcome: { ok: true }, next: undefined });
  });

  it("should count wrong tries and void the code on the fifth", () => {
    let s: StoredCode | undefined = stored;
    for (let i = 1; i < MAX_WRONG_TRIES; i++) {
      const r = decideCheck(s, ask(false), NOW);
      expect(r.outcome).toEqual({ ok: false, reason: "wrong_code", triesLeft: MAX_WRONG_TRIES - i });
      s = r.next;
    }
    expect(decideCheck(s, ask(false), NOW)).toEqual({ outcome: { ok: false, reason: "too_many_tries", triesLeft: 0 }, next: undefined });
  });

  it("should refuse a code after five minutes", () => {
    expect(decideCheck(stored, ask(true), NOW + 300_000).outcome).toEqual({ ok: false, reason: "expired", triesLeft: 0 });
  });

  it("should not accept a code sent for another verification or purpose", () => {
    expect(decideCheck(stored, ask(true, { verificationId: "ver_b" }), NOW).outcome).toMatchObject({ ok: false, reason: "no_code" });
    expect(decideCheck(stored, ask(true, { purpose: "bankcard4" }), NOW).outcome).toMatchObject({ ok: false, reason: "no_code" });
    expect(decideCheck(undefined, ask(true), NOW).outcome).toMatchObject({ ok: false, reason: "no_code" });
  });

  it("should write the message in Chinese with the signature, purpose and validity", () => {
    const m = smsText("实名认证", bankcard4.hosted.sms!.purpose, "042137");
    expect(m.text).toBe("【实名认证】您的验证码为042137，用于银行卡实名认证，5分钟内有效。请勿告诉他人，如非本人操作请忽略。");
    expect(m.templateParams).toEqual(["042137", "银行卡实名认证", "5"]);
  });
});

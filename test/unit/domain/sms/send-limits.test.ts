import { describe, expect, it } from "vitest";
import { decideSend, IP_SEND_RULES, keepRecent, PHONE_SEND_RULES } from "../../../../src/domain/sms/send-limits";

const NOW = 1_700_000_000_000;
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("SMS send limits", () => {
  it("should allow the first send", () => {
    expect(decideSend([], NOW, PHONE_SEND_RULES)).toEqual({ ok: true });
  });

  it("should make a new send wait 60 s after the last", () => {
    expect(decideSend([NOW - 59_000], NOW, PHONE_SEND_RULES)).toEqual({ ok: false, reason: "cooldown", retryAfterMs: 1000 });
    expect(decideSend([NOW - 60_000], NOW, PHONE_SEND_RULES)).toEqual({ ok: true });
  });

  it("should skip the cooldown once the last code was entered right, but still count the send in the windows", () => {
    expect(decideSend([NOW - 10_000], NOW, PHONE_SEND_RULES, true)).toEqual({ ok: true });
    const five = [50, 40, 30, 20].map((m) => NOW - m * MIN).concat(NOW - 10_000);
    expect(decideSend(five, NOW, PHONE_SEND_RULES, true)).toMatchObject({ ok: false, reason: "hourly_limit" });
  });

  it("should allow at most 5 sends per rolling hour", () => {
    const five = [50, 40, 30, 20, 10].map((m) => NOW - m * MIN);
    expect(decideSend(five, NOW, PHONE_SEND_RULES)).toEqual({ ok: false, reason: "hourly_limit", retryAfterMs: 10 * MIN });
    expect(decideSend(five.slice(1), NOW, PHONE_SEND_RULES)).toEqual({ ok: true });
  });

  it("should refuse the 11th send in a rolling 24 hours", () => {
    const ten = Array.from({ length: 10 }, (_, i) => NOW - (20 - i * 2) * HOUR);
    expect(decideSend(ten, NOW, PHONE_SEND_RULES)).toEqual({ ok: false, reason: "daily_limit", retryAfterMs: 4 * HOUR });
    expect(decideSend(ten.slice(1), NOW, PHONE_SEND_RULES)).toEqual({ ok: true });
  });

  it("should cap sends per IP without a cooldown", () => {
    const many = Array.from({ length: 30 }, (_, i) => NOW - i * 1000);
    expect(decideSend(many.slice(0, 29).reverse(), NOW, IP_SEND_RULES)).toEqual({ ok: true });
    expect(decideSend(many.reverse(), NOW, IP_SEND_RULES)).toMatchObject({ ok: false, reason: "ip_hourly_limit" });
  });

  it("should forget sends older than the longest window", () => {
    expect(keepRecent([NOW - 25 * HOUR, NOW - HOUR], NOW, PHONE_SEND_RULES)).toEqual([NOW - HOUR]);
  });
});

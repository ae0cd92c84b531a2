import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE, decideAfterAttempt, retryScheduleSchema } from "../../../src/webhooks/schedule";

describe("the retry schedule", () => {
  it("should default to about three days: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h", () => {
    expect(DEFAULT_RETRY_SCHEDULE).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]);
    const days = DEFAULT_RETRY_SCHEDULE.reduce((a, b) => a + b, 0) / 86400;
    expect(days).toBeGreaterThan(3);
    expect(days).toBeLessThan(3.5);
  });

  it.each([
    ["1,1,1", [1, 1, 1]],
    [" 5, 300 ,1800", [5, 300, 1800]],
  ])("should parse %j", (text, expected) => {
    expect(retryScheduleSchema.parse(text)).toEqual(expected);
  });

  it.each(["", "5,,6", "0", "1.5", "a"])("should refuse %j", (text) => {
    expect(retryScheduleSchema.safeParse(text).success).toBe(false);
  });

  it.each([
    [200, "succeeded"],
    [204, "succeeded"],
    [299, "succeeded"],
    [410, "gone"],
    [500, "retry"],
    [404, "retry"],
    [301, "retry"],
    [null, "retry"],
  ])("should decide %s after a first attempt: %s", (status, kind) => {
    expect(decideAfterAttempt(status, 1, DEFAULT_RETRY_SCHEDULE, 0.5).kind).toBe(kind);
  });

  it("should wait each step of the schedule with ±10% jitter", () => {
    DEFAULT_RETRY_SCHEDULE.forEach((seconds, i) => {
      expect(decideAfterAttempt(500, i + 1, DEFAULT_RETRY_SCHEDULE, 0.5)).toEqual({ kind: "retry", delaySeconds: seconds });
      const low = decideAfterAttempt(500, i + 1, DEFAULT_RETRY_SCHEDULE, 0);
      const high = decideAfterAttempt(500, i + 1, DEFAULT_RETRY_SCHEDULE, 0.999999);
      expect(low).toEqual({ kind: "retry", delaySeconds: Math.max(1, Math.round(seconds * 0.9)) });
      expect(high.kind === "retry" && high.delaySeconds).toBeGreaterThanOrEqual(seconds);
      expect(high.kind === "retry" && high.delaySeconds).toBeLessThanOrEqual(Math.ceil(seconds * 1.1));
    });
  });

  it("should dead-letter after the last retry fails", () => {
    expect(decideAfterAttempt(500, DEFAULT_RETRY_SCHEDULE.length + 1, DEFAULT_RETRY_SCHEDULE, 0.5)).toEqual({ kind: "dead" });
    expect(decideAfterAttempt(200, DEFAULT_RETRY_SCHEDULE.length + 1, DEFAULT_RETRY_SCHEDULE, 0.5)).toEqual({ kind: "succeeded" });
  });

  it("should never wait less than a second", () => {
    expect(decideAfterAttempt(503, 1, [1], 0)).toEqual({ kind: "retry", delaySeconds: 1 });
  });
});

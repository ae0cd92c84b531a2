import { describe, expect, it } from "vitest";
import { byDay, byMethod, outcomeOf, windowDays } from "../../../src/staff/funnel";

describe("the funnel's figures", () => {
  it("should tell expired inside a method from abandoned before one", () => {
    expect(outcomeOf("expired", "face")).toBe("expired");
    expect(outcomeOf("expired", null)).toBe("abandoned");
    expect(outcomeOf("canceled", null)).toBe("abandoned");
    expect(outcomeOf("in_progress", "mobile3")).toBe("open");
    expect(outcomeOf("verified", "mobile3")).toBe("verified");
  });

  it("should give every day of the window, in Beijing time, zeros included", () => {
    // 2026-12-03 17:00 UTC is already 2026-12-04 in Beijing.
    const days = windowDays(Date.parse("2026-12-03T17:00:00Z"), 3);
    expect(days).toEqual(["2026-12-02", "2026-12-03", "2026-12-04"]);
    const figures = byDay(
      [
        { day: "2026-12-03", method: "face", status: "verified", n: 2 },
        { day: "2026-12-03", method: null, status: "expired", n: 1 },
        { day: "2025-01-01", method: null, status: "expired", n: 9 },
      ],
      days,
    );
    expect(figures.map((d) => d.started)).toEqual([0, 3, 0]);
    expect(figures[1]!.counts).toMatchObject({ verified: 2, abandoned: 1 });
  });

  it("should count per method with its pass rate among those who tried", () => {
    const m = byMethod([
      { day: "d", method: "mobile3", status: "verified", n: 3 },
      { day: "d", method: "mobile3", status: "failed", n: 1 },
      { day: "d", method: null, status: "pending", n: 5 },
    ]);
    expect(m[0]).toMatchObject({ method: "none", started: 5, passRate: null });
    expect(m[1]).toMatchObject({ method: "mobile3", started: 4, passRate: 0.75 });
  });
});

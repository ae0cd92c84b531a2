// Alipay rejects a timestamp too far from its own Beijing clock, so the shift must be exact
// across day, month and year boundaries, whatever the runtime's time zone.
import { describe, expect, it } from "vitest";
import { beijingTimestamp } from "../../../../src/providers/alipay/beijing-time";
import { FIXED_NOW } from "../recorded-fetch";

describe("beijingTimestamp", () => {
  it.each([
    ["the fixed test clock (22:13:20 UTC the day before)", FIXED_NOW, "2023-11-15 06:13:20"],
    ["a UTC afternoon that is already the next year in Beijing", Date.UTC(2023, 11, 31, 16, 0, 0), "2024-01-01 00:00:00"],
    ["the last second before a Beijing midnight", Date.UTC(2024, 1, 28, 15, 59, 59), "2024-02-28 23:59:59"],
    ["a leap day", Date.UTC(2024, 1, 28, 16, 0, 0), "2024-02-29 00:00:00"],
    ["single-digit fields, zero-padded", Date.UTC(2025, 0, 1, 1, 2, 3), "2025-01-01 09:02:03"],
  ])("should give %s", (_title, epochMs, expected) => {
    expect(beijingTimestamp(epochMs)).toBe(expected);
  });

  it("should drop milliseconds rather than round them", () => {
    expect(beijingTimestamp(FIXED_NOW + 999)).toBe("2023-11-15 06:13:20");
  });
});

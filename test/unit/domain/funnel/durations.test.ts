import { describe, expect, it } from "vitest";
import { bucketOf, DURATION_EDGES, medianOf, UNKNOWN_BUCKET } from "../../../../src/domain/funnel/durations";

describe("the time-to-verify histogram", () => {
  it("should put a time in the bucket whose edges hold it, under 1 s in the first and past 36 h in the last", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(999)).toBe(0);
    expect(bucketOf(1000)).toBe(1);
    expect(bucketOf(1188)).toBe(1);
    expect(bucketOf(1189)).toBe(2);
    expect(bucketOf(120_000)).toBe(28);
    expect(bucketOf(10 * 86_400_000)).toBe(DURATION_EDGES.length);
  });

  it("should keep every bucket within 20 % of its lower edge, up past a verification's lifetime", () => {
    for (let b = 1; b < DURATION_EDGES.length; b++) expect(DURATION_EDGES[b]! / DURATION_EDGES[b - 1]!).toBeLessThan(1.2);
    expect(DURATION_EDGES.at(-1)).toBeGreaterThan(86_400_000);
  });

  it("should read the lower median inside its bucket, leaving out the unknown and the empty", () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ bucket: UNKNOWN_BUCKET, n: 4 }])).toBeNull();
    // One in [107 635, 128 000): its middle.
    expect(medianOf([{ bucket: 28, n: 1 }])).toBe((107_635 + 128_000) / 2);
    // Ranks 0…3, lower median rank 1: the second of the two in bucket 5, i.e. 3/4 of the way.
    expect(
      medianOf([
        { bucket: 5, n: 2 },
        { bucket: 1, n: 1 },
        { bucket: 9, n: 1 },
        { bucket: 3, n: 0 },
      ]),
    ).toBe(2000 + (2378 - 2000) * 0.25);
    expect(medianOf([{ bucket: DURATION_EDGES.length, n: 1 }])).toBe(DURATION_EDGES.at(-1));
  });
});

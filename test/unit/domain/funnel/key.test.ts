import { describe, expect, it } from "vitest";
import { beijingDay, funnelKeyOf, sameKey } from "../../../../src/domain/funnel/key";

const created = Date.parse("2026-12-03T17:00:00Z"); // already 2026-12-04 in Beijing
const v = { partnerId: "ptn_a", createdAt: created, method: null, failureReason: null, completedAt: null };

describe("a verification's place in the funnel's roll-up", () => {
  it("should count every open status as open, under the method it stands in, by its Beijing day of creation", () => {
    for (const status of ["pending", "in_progress", "requires_review"]) {
      expect(funnelKeyOf({ ...v, status, method: "face" })).toEqual({ day: "2026-12-04", partnerId: "ptn_a", method: "face", status: "open", detail: "", bucket: 0 });
    }
    expect(funnelKeyOf({ ...v, status: "pending" }).method).toBe("");
    expect(beijingDay(Date.parse("2026-12-03T15:59:59Z"))).toBe("2026-12-03");
  });

  it("should keep the detail the page breaks each end down by", () => {
    expect(funnelKeyOf({ ...v, status: "failed", method: "mobile3", failureReason: "name_id_mismatch" })).toMatchObject({ status: "failed", detail: "name_id_mismatch" });
    expect(funnelKeyOf({ ...v, status: "expired", state: { kind: "expired", at: "sms_code" } })).toMatchObject({ status: "expired", detail: "sms_code" });
    expect(funnelKeyOf({ ...v, status: "canceled", state: { kind: "canceled" } })).toMatchObject({ status: "canceled", detail: "unknown" });
    expect(funnelKeyOf({ ...v, status: "verified", method: "face", completedAt: created + 120_000 })).toMatchObject({ status: "verified", detail: "", bucket: 28 });
    expect(funnelKeyOf({ ...v, status: "verified", method: "face" })).toMatchObject({ bucket: -1 });
  });

  it("should move only when a write changes what the roll-up keeps (an attempt failed inside a method does not)", () => {
    const open = funnelKeyOf({ ...v, status: "in_progress", method: "mobile3" });
    expect(sameKey(open, funnelKeyOf({ ...v, status: "in_progress", method: "mobile3", failureReason: "code_wrong" }))).toBe(true);
    expect(sameKey(open, funnelKeyOf({ ...v, status: "requires_review", method: "mobile3" }))).toBe(true);
    expect(sameKey(open, funnelKeyOf({ ...v, status: "failed", method: "mobile3" }))).toBe(false);
  });
});

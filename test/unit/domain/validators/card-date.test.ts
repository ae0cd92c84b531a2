import { describe, expect, it } from "vitest";
import { checkValidity, parseCardDate } from "../../../../src/domain/validators/card-date";

describe("dates typed from an ID card", () => {
  it.each([
    ["2016-08-20", "2016-08-20"],
    ["2016.08.20", "2016-08-20"],
    ["2016/8/2", "2016-08-02"],
    ["20160820", "2016-08-20"],
    [" 2016年08月20日 ", "2016-08-20"],
  ])("should read %s as %s", (typed, iso) => {
    expect(parseCardDate(typed)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ["", "required"],
    ["2016-02-30", "invalid_date"],
    ["08/20/2016", "invalid_date"],
    ["2016-13-01", "invalid_date"],
  ])("should refuse %j with %s", (typed, code) => {
    expect(parseCardDate(typed)).toEqual({ ok: false, code });
  });

  it("should check the validity range against today", () => {
    expect(checkValidity("2016-08-20", "2036-08-20", "2026-12-03")).toBeNull();
    expect(checkValidity("2016-08-20", "long_term", "2026-12-03")).toBeNull();
    expect(checkValidity("2036-08-20", "2016-08-20", "2026-12-03")).toBe("date_order");
    expect(checkValidity("2006-08-20", "2016-08-20", "2026-12-03")).toBe("id_card_expired");
    expect(checkValidity("2006-08-20", "2026-12-03", "2026-12-03")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../src/tokens/canonical-json";

describe("canonical JSON (RFC 8785)", () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: [3, { d: null, c: true }] } }, '{"z":{"y":[3,{"c":true,"d":null}]}}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [[1e21, 0.1, -0, 1.5e-7], "[1e+21,0.1,0,1.5e-7]"],
    ['€\u0000\n"', '"€\\u0000\\n\\""'],
    // The RFC's own sorting example: UTF-16 code units, so € (U+20AC) sorts before 😀 (U+D83D U+DE00).
    [{ "\u20ac": 1, "\r": 2, "1": 3, "\ud83d\ude00": 4, "\u0080": 5, "\u00f6": 6, "\ufb33": 7 }, '{"\\r":2,"1":3,"\u0080":5,"\u00f6":6,"\u20ac":1,"\ud83d\ude00":4,"\ufb33":7}'],
  ])("should serialise %j as %s", (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("should give the same bytes whatever order keys were written in", () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 1 } })).toBe(canonicalJson({ y: { a: 1, b: 2 }, x: 1 }));
  });

  it("should round-trip through JSON.parse", () => {
    const value = { events: [{ type: "sms.sent", at: "2026-11-20T08:00:00.000Z", data: { serial: "x" } }], n: 3 };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it.each([NaN, Infinity, () => 1, 10n])("should refuse %s", (value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });
});

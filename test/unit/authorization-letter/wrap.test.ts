import { describe, expect, it } from "vitest";
import { wrapText } from "../../../src/authorization-letter/wrap";

// Every character one unit wide: a width of 4 holds four characters.
const widthOf = (s: string) => [...s].length;

describe("wrapText", () => {
  it("should break between any two characters", () => {
    expect(wrapText("一二三四五六七八九", 4, widthOf)).toEqual(["一二三四", "五六七八", "九"]);
  });

  it("should let a closing mark hang rather than start a line", () => {
    expect(wrapText("一二三四。五六", 4, widthOf)).toEqual(["一二三四。", "五六"]);
  });

  it("should carry an opening mark down with what it opens", () => {
    expect(wrapText("一二三（四五", 4, widthOf)).toEqual(["一二三", "（四五"]);
  });

  it("should keep a character outside the BMP whole", () => {
    expect(wrapText("一二三四𠈌", 4, widthOf)).toEqual(["一二三四", "𠈌"]);
  });
});

import { describe, expect, it } from "vitest";
import { missingCharacters } from "../../../../src/domain/authorization/coverage";

// A font that has the BMP's CJK Unified Ideographs block and ASCII, nothing else.
const hasGlyph = (cp: number) => cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff);

describe("missingCharacters", () => {
  it("should list each missing character once, in order, whole even outside the BMP", () => {
    expect(missingCharacters("王𠈌与刘䶮，𠈌", hasGlyph)).toEqual(["𠈌", "䶮", "，"]);
  });

  it("should find nothing missing in covered text, line breaks included", () => {
    expect(missingCharacters("王建国\nABC 123", hasGlyph)).toEqual([]);
  });
});

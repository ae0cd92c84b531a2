// The little of upstream fontkit 2 (which ships no types) that the letter's renderer uses.
declare module "fontkit" {
  export interface Fontkit2Subset {
    includeGlyph(glyph: number | { id: number }): number;
    /** fontkit 2 encodes a subset in one go; pdf-lib expects fontkit 1's encodeStream(). */
    encode(): Uint8Array;
  }
  export interface Fontkit2Font {
    postscriptName: string;
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    createSubset(): Fontkit2Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Fontkit2Font | { fonts: Fontkit2Font[] };
}

// The letter's CJK font (Noto Sans SC cut to GB2312, SIL OFL 1.1: public/fonts/OFL.txt; made by
// scripts/make-letter-font.mjs). It is a static asset, never part of the Worker bundle, read through
// the ASSETS binding once per isolate. Only a loaded font is kept, never the promise of one: a
// promise begun in one request and awaited in another dies with the first request's I/O.
import { parseFont } from "./fontkit-adapter";

export const LETTER_FONT_PATH = "/fonts/letter-sc.ttf";

export interface LetterFont {
  bytes: Uint8Array;
  postscriptName: string;
  hasGlyph(codePoint: number): boolean;
}

/** Where the font's bytes come from: the ASSETS binding in the Worker, a file in Node. */
export type FontSource = () => Promise<Uint8Array>;

export function fontFromAssets(assets: Fetcher): FontSource {
  return async () => {
    // The host is never looked up: ASSETS answers any URL from the deployed public/ folder.
    const res = await assets.fetch(new Request(`https://assets.invalid${LETTER_FONT_PATH}`));
    if (!res.ok) throw new Error(`letter font: ASSETS answered ${res.status} for ${LETTER_FONT_PATH}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

export function letterFontFrom(bytes: Uint8Array): LetterFont {
  const font = parseFont(bytes);
  const chars = new Set(font.characterSet);
  return { bytes, postscriptName: font.postscriptName, hasGlyph: (cp) => chars.has(cp) };
}

let loaded: LetterFont | undefined;

export async function letterFont(source: FontSource): Promise<LetterFont> {
  if (loaded) return loaded;
  const font = letterFontFrom(await source());
  loaded ??= font;
  return loaded;
}

// The letter's PDF as the Worker makes it: the font from static assets (once per isolate), the
// PDF, and the SHA-256 of the bytes that will be served. Imported with import() by the signing
// step only, so pdf-lib and fontkit are evaluated in the isolates that sign, not in every one.
import { toHex } from "../crypto/encoding";
import { missingCharacters } from "../domain/authorization/coverage";
import type { Letter } from "../domain/authorization/letter";
import { letterText } from "../domain/authorization/letter-bytes";
import { fontFromAssets, letterFont } from "./font";
import { renderLetterPdf } from "./render";

export type MadeLetter = { ok: true; pdf: Uint8Array; pdfSha256: string; letterSha256: string } | { ok: false; characters: string[] };

export async function makeLetterPdf(assets: Fetcher, letter: Letter, at: number): Promise<MadeLetter> {
  const rendered = await renderLetterPdf(letter, await letterFont(fontFromAssets(assets)), at);
  if (!rendered.ok) return { ok: false, characters: rendered.characters };
  return { ok: true, pdf: rendered.pdf, pdfSha256: toHex(await crypto.subtle.digest("SHA-256", rendered.pdf)), letterSha256: rendered.letterSha256 };
}

/** The characters of the letter the font cannot print: checked before the letter is offered for signing. */
export async function lettersMissing(assets: Fetcher, letter: Letter): Promise<string[]> {
  const font = await letterFont(fontFromAssets(assets));
  return missingCharacters(letterText(letter), font.hasGlyph);
}

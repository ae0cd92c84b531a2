// Which characters of a text a font cannot draw. Pure: the font comes in as a predicate. The letter
// is refused with this list rather than printed with empty boxes where a name should be: a legal
// document with a blank in the signer's name is worse than none.

/** Every distinct character of `text` (in order of first use, whole code points) that `hasGlyph` lacks; line breaks are layout, not text. */
export function missingCharacters(text: string, hasGlyph: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (ch === "\n") continue;
    if (!hasGlyph(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}

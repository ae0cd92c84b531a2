// The letter's canonical bytes: the exact text the legal representative is shown, as UTF-8, whose
// SHA-256 the evidence records. One serialisation, defined here and nowhere else, so the page, the
// PDF and the evidence can never disagree on what was signed. Format (stable; a change is a new
// LETTER_TEMPLATE_VERSION): the title, the parties, the body, the signature block, each a section
// of lines ("label：value" or a paragraph), sections separated by one empty line, lines ended by
// "\n", the template version as the last line. Values are already NFC and single-line (letter.ts).
import type { Letter, LetterLine } from "./letter";

const line = (l: LetterLine) => `${l.label}：${l.value}`;

export function letterText(letter: Letter): string {
  const sections = [[letter.title], letter.parties.map(line), letter.body, letter.signature.map(line), [`模板版本：${letter.templateVersion}`]];
  return `${sections.map((s) => s.join("\n")).join("\n\n")}\n`;
}

export function letterBytes(letter: Letter): Uint8Array {
  return new TextEncoder().encode(letterText(letter));
}

// The authorization letter as a PDF (A4, one page for any real letter, more if the facts are long),
// drawn with pdf-lib and the letter's CJK font embedded as a subset of the glyphs used. It checks
// every character against the font first and refuses, naming them, rather than draw empty boxes.
// The same letter and time give the same bytes: the dates are the letter's, the font's subset tag
// comes from the letter's hash instead of pdf-lib's random one. The footer carries the template
// version and the SHA-256 of the letter's canonical bytes, binding the PDF to the text shown.
import { PDFDocument, rgb } from "pdf-lib";
import { missingCharacters } from "../domain/authorization/coverage";
import type { Letter } from "../domain/authorization/letter";
import { letterBytes } from "../domain/authorization/letter-bytes";
import { toHex } from "../crypto/encoding";
import type { LetterFont } from "./font";
import { pdfLibFontkit } from "./fontkit-adapter";
import { wrapText } from "./wrap";

export type LetterPdfResult = { ok: true; pdf: Uint8Array; letterSha256: string } | { ok: false; code: "letter_glyphs_missing"; characters: string[] };

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 64;
const MARGIN_TOP = 80;
const MARGIN_BOTTOM = 72;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.45, 0.45, 0.45);

interface Block {
  text: string;
  size: number;
  /** Gap before the block, in points. */
  before: number;
  align?: "center";
  indent?: number;
  grey?: boolean;
}

/** PDF subset tags are six capital letters; these are the letter hash's first six nibbles, shifted into A–P. */
function subsetTag(hex: string): string {
  return [...hex.slice(0, 6)].map((h) => String.fromCharCode(65 + Number.parseInt(h, 16))).join("");
}

function blocksOf(letter: Letter, sha256: string): Block[] {
  const line = (l: { label: string; value: string }) => `${l.label}：${l.value}`;
  return [
    { text: letter.title, size: 20, before: 0, align: "center" },
    ...letter.parties.map((l, i) => ({ text: line(l), size: 11.5, before: i === 0 ? 28 : 4 })),
    // Two ideographic spaces open a paragraph, as Chinese documents do.
    ...letter.body.map((p, i) => ({ text: `\u3000\u3000${p}`, size: 12, before: i === 0 ? 24 : 8 })),
    ...letter.signature.map((l, i) => ({ text: line(l), size: 12, before: i === 0 ? 40 : 6, indent: A4[0] / 2 - MARGIN_X })),
    { text: `模板版本：${letter.templateVersion}`, size: 8, before: 48, grey: true },
    { text: `授权书文本 SHA-256：${sha256}`, size: 8, before: 2, grey: true },
  ];
}

export async function renderLetterPdf(letter: Letter, font: LetterFont, at: number): Promise<LetterPdfResult> {
  const letterSha256 = toHex(await crypto.subtle.digest("SHA-256", letterBytes(letter)));
  const blocks = blocksOf(letter, letterSha256);
  const missing = missingCharacters(blocks.map((b) => b.text).join("\n"), font.hasGlyph);
  if (missing.length > 0) return { ok: false, code: "letter_glyphs_missing", characters: missing };

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(pdfLibFontkit);
  const pdfFont = await doc.embedFont(font.bytes, { subset: true, customName: `${subsetTag(letterSha256)}+${font.postscriptName}` });
  doc.setTitle(letter.title);
  doc.setLanguage("zh-CN");
  doc.setProducer("Shiming");
  doc.setCreator(letter.templateVersion);
  doc.setCreationDate(new Date(at));
  doc.setModificationDate(new Date(at));

  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN_TOP;
  for (const block of blocks) {
    const x0 = MARGIN_X + (block.indent ?? 0);
    const width = A4[0] - MARGIN_X - x0;
    const lineHeight = block.size * 1.7;
    y -= block.before;
    for (const text of wrapText(block.text, width, (s) => pdfFont.widthOfTextAtSize(s, block.size))) {
      if (y - lineHeight < MARGIN_BOTTOM) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN_TOP;
      }
      y -= lineHeight;
      const x = block.align === "center" ? (A4[0] - pdfFont.widthOfTextAtSize(text, block.size)) / 2 : x0;
      page.drawText(text, { x, y, size: block.size, font: pdfFont, color: block.grey ? GREY : INK });
    }
  }
  return { ok: true, pdf: await doc.save(), letterSha256 };
}

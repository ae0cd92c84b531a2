// The authorization letter rendered in workerd with the font read through ASSETS, as the Worker
// will: a PDF whose text a real extractor (pdf.js, through unpdf) reads back with the
// organization's name and USCC, the same bytes for the same letter and time, and a clear refusal
// when a name has a character the font lacks.
import { env } from "cloudflare:test";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { buildLetter, type LetterFacts } from "../../../src/domain/authorization/letter";
import { fontFromAssets, letterFont } from "../../../src/authorization-letter/font";
import { renderLetterPdf } from "../../../src/authorization-letter/render";
import { toHex } from "../../../src/crypto/encoding";

const AT = Date.UTC(2026, 10, 20, 2, 30); // 2026-11-20 10:30 in Beijing

const FACTS: LetterFacts = {
  organization: { name: "杭州示例科技有限公司", uscc: "91330100MA27XY1234" },
  legalRepresentative: { name: "王建国", idNumber: "110105194912310021" },
  operator: { kind: "person", name: "李四", idNumber: "33010619900101002X" },
  partnerName: "宁波市奉化区产权服务中心",
  at: AT,
};

async function render(facts: LetterFacts) {
  const built = buildLetter(facts);
  if (!built.ok) throw new Error(built.code);
  return renderLetterPdf(built.letter, await letterFont(fontFromAssets(env.ASSETS)), facts.at);
}

async function pdfOf(facts: LetterFacts): Promise<Uint8Array> {
  const result = await render(facts);
  if (!result.ok) throw new Error(`${result.code}: ${result.characters.join("")}`);
  return result.pdf;
}

const sha256 = async (bytes: Uint8Array) => toHex(await crypto.subtle.digest("SHA-256", bytes));

describe("the authorization letter's PDF", () => {
  it("should be a PDF whose extracted text holds the organization's name and USCC", async () => {
    const pdf = await pdfOf(FACTS);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");
    // pdf.js takes the buffer over: give it a copy.
    const { text } = await extractText(await getDocumentProxy(pdf.slice()), { mergePages: true });
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain("杭州示例科技有限公司");
    expect(flat).toContain("91330100MA27XY1234");
    expect(flat).toContain("自2026年11月20日起至2027年11月19日止");
    expect(flat).not.toContain("110105194912310021");
  });

  it("should give the same bytes for the same letter and time, and others for another time", async () => {
    const [a, b, c] = await Promise.all([pdfOf(FACTS), pdfOf(FACTS), pdfOf({ ...FACTS, at: AT + 86_400_000 })]);
    expect(await sha256(a)).toBe(await sha256(b));
    expect(await sha256(c)).not.toBe(await sha256(a));
  });

  it("should embed the font as a subset, far smaller than the font", async () => {
    const pdf = await pdfOf(FACTS);
    const font = await letterFont(fontFromAssets(env.ASSETS));
    expect(font.bytes.length).toBeGreaterThan(1_000_000);
    expect(pdf.length).toBeLessThan(120_000);
  });

  it.each([
    ["a name outside the BMP", "王𠈌", ["𠈌"]],
    ["a name in CJK Extension A", "刘䶮", ["䶮"]],
    ["both, each once", "𠈌䶮𠈌", ["𠈌", "䶮"]],
  ])("should refuse %s, naming the characters, rather than print boxes", async (_title, name, characters) => {
    const result = await render({ ...FACTS, legalRepresentative: { ...FACTS.legalRepresentative, name } });
    expect(result).toEqual({ ok: false, code: "letter_glyphs_missing", characters });
  });
});

// Node script (never deployed, run by hand when the letter's font must change): cuts the
// authorization letter's font out of Noto Sans SC Regular (SIL OFL 1.1), keeping ASCII, GB2312's
// symbols and both levels of its hanzi (6,763) and full-width forms, and writes it to public/fonts
// with its licence beside it. The Worker loads it through ASSETS, so it never enters the bundle.
// Its output is committed: CI and deploys never run this. Needs `subset-font` (harfbuzz's
// hb-subset in wasm) and the source font, neither of which is a dependency of the project:
//   npm pack @expo-google-fonts/noto-sans-sc@0.4.3 && tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz
//   npm install --no-save subset-font@2.9.0
//   node scripts/make-letter-font.mjs package/400Regular/NotoSansSC_400Regular.ttf package/LICENSE_FONT
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [source, licence] = process.argv.slice(2);
if (!source || !licence) throw new Error("usage: node scripts/make-letter-font.mjs <NotoSansSC-Regular.ttf> <its OFL licence file>");
const { default: subsetFont } = await import("subset-font");

// GB2312 by decoding every double-byte code of its rows: 0xA1–0xA9 symbols and full-width forms,
// 0xB0–0xD7 level 1, 0xD8–0xF7 level 2. Level 2 is kept because names and firm names use it
// (e.g. 昶, 喆, 淼): a letter refused for a common name would send people to the paper path.
const gb = new TextDecoder("gbk", { fatal: true });
const chars = new Set();
for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCodePoint(c));
for (const [from, to] of [
  [0xa1, 0xa9],
  [0xb0, 0xf7],
]) {
  for (let row = from; row <= to; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      try {
        const ch = gb.decode(new Uint8Array([row, cell]));
        if (ch !== "\uFFFD" && [...ch].length === 1) chars.add(ch);
      } catch {
        // An unassigned code in a row: GB2312 leaves gaps.
      }
    }
  }
}
// The ideographic space and the full-width forms block, whole, and the middle dot of
// transliterated names (·, U+00B7); GB2312 has only some of them.
for (let c = 0xff01; c <= 0xff5e; c++) chars.add(String.fromCodePoint(c));
for (const c of [0x3000, 0x00b7, 0x2014, 0x2026, 0x201c, 0x201d, 0x2018, 0x2019, 0x3001, 0x3002, 0x300a, 0x300b]) chars.add(String.fromCodePoint(c));

const text = [...chars].join("");
const out = await subsetFont(readFileSync(source), text, { targetFormat: "truetype" });
const root = path.resolve(import.meta.dirname, "..");
writeFileSync(path.join(root, "public/fonts/letter-sc.ttf"), out);
writeFileSync(path.join(root, "public/fonts/OFL.txt"), readFileSync(licence));
console.log(`${chars.size} characters, ${out.length} bytes`);

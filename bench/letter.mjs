// `node bench/letter.mjs [--out letter.pdf]`: the authorization letter's PDF, rendered in Node by
// the Worker's own modules (bundled here with esbuild, font read from public/fonts instead of
// ASSETS). Prints the first render (font parse included: once per isolate in the Worker), then the
// median and p95 of 50 more, the heap growth per letter, and the PDF's size. Run with
// `--expose-gc` (as `node --expose-gc bench/letter.mjs`) for a heap figure after collection;
// `--json` prints the figures as one line of JSON instead (bench/run.mjs runs it so).
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = 50;
const dir = mkdtempSync(path.join(tmpdir(), "letter-bench-"));
const entry = path.join(dir, "entry.ts");
writeFileSync(entry, ["domain/authorization/letter", "authorization-letter/font", "authorization-letter/render"].map((m) => `export * from ${JSON.stringify(path.join(root, "src", m))};`).join("\n"));
buildSync({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", outfile: path.join(dir, "letter.mjs"), logLevel: "error" });
const { buildLetter, letterFont, renderLetterPdf } = await import(path.join(dir, "letter.mjs"));

const at = Date.UTC(2026, 10, 20, 2, 30);
const built = buildLetter({
  organization: { name: "杭州示例科技有限公司", uscc: "91330100MA27XY1234" },
  legalRepresentative: { name: "王建国", idNumber: "110105194912310021" },
  operator: { kind: "person", name: "李四", idNumber: "33010619900101002X" },
  partnerName: "宁波市奉化区产权服务中心",
  at,
});
if (!built.ok) throw new Error(built.code);
const gc = globalThis.gc ?? (() => {});
// The JS heap and the ArrayBuffers beside it (the font's bytes, the PDF's), after a collection.
const heap = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const heap0 = heap();
let t = performance.now();
const font = await letterFont(async () => new Uint8Array(readFileSync(path.join(root, "public/fonts/letter-sc.ttf"))));
const first = await renderLetterPdf(built.letter, font, at);
const firstMs = performance.now() - t;
if (!first.ok) throw new Error(`${first.code}: ${first.characters.join("")}`);
const heapFont = heap();

const times = [];
let peak = 0;
for (let i = 0; i < RUNS; i++) {
  const before = process.memoryUsage().heapUsed;
  t = performance.now();
  await renderLetterPdf(built.letter, font, at);
  times.push(performance.now() - t);
  peak = Math.max(peak, process.memoryUsage().heapUsed - before);
}
const heapAfter = heap();
times.sort((a, b) => a - b);
const figures = {
  fontBytes: font.bytes.length,
  firstMs: Math.round(firstMs),
  fontKeptBytes: heapFont - heap0,
  runs: RUNS,
  medianMs: Number(times[RUNS >> 1].toFixed(1)),
  p95Ms: Number(times[Math.floor(RUNS * 0.95)].toFixed(1)),
  peakHeapBytes: peak,
  keptPerLetterBytes: Math.max(0, Math.round((heapAfter - heapFont) / RUNS)),
  pdfBytes: first.pdf.length,
};
// bench/run.mjs reads this line.
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(figures));
  process.exit(0);
}
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
console.log(`font: ${mb(font.bytes.length)} file; first letter (font parsed): ${firstMs.toFixed(0)} ms, memory kept +${mb(heapFont - heap0)} (heap and buffers)`);
console.log(
  `next ${RUNS}: median ${times[RUNS >> 1].toFixed(1)} ms, p95 ${times[Math.floor(RUNS * 0.95)].toFixed(1)} ms; heap per letter up to +${mb(peak)} before collection, ${mb((heapAfter - heapFont) / RUNS)} kept`,
);
console.log(`PDF: ${first.pdf.length} bytes`);
const out = process.argv.indexOf("--out");
if (out > 0) writeFileSync(process.argv[out + 1], first.pdf);

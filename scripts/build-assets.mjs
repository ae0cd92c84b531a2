// Node script (not part of the Worker): copies client assets into public/assets under
// content-hashed names, so they can be cached for a year, and writes the manifest views read.
// Runs before `npm start`, `npm test` and deploys; its output is committed too.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sources = {
  "htmx.js": "node_modules/htmx.org/dist/htmx.min.js",
};

const outDir = path.join(root, "public/assets");
mkdirSync(outDir, { recursive: true });
const manifest = {};
for (const [logical, source] of Object.entries(sources)) {
  const bytes = readFileSync(path.join(root, source));
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 12);
  const [base, ext] = logical.split(/\.(?=[^.]+$)/);
  const name = `${base}.${hash}.${ext}`;
  manifest[logical] = `/assets/${name}`;
  for (const old of readdirSync(outDir)) {
    if (old.startsWith(`${base}.`) && old.endsWith(`.${ext}`) && old !== name) rmSync(path.join(outDir, old));
  }
  writeFileSync(path.join(outDir, name), bytes);
}
writeFileSync(path.join(root, "views/asset-manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

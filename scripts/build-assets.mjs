// Node script (not part of the Worker): copies client assets into public/assets under
// content-hashed names, so they can be cached for a year, and writes the manifest views read.
// It also minifies the small page scripts of views/scripts/*.js into a module the views inline,
// so the first flight carries them without a request of its own. Runs before `npm start`,
// `npm test` and deploys; its output is committed too.
import { createHash } from "node:crypto";
import { buildSync, transformSync } from "esbuild";
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

// Inlined scripts: real files (formatted and linted with the tree), minified here. Each file at the
// top of views/scripts is one page script; views/scripts/shared/ holds code two of them use (the
// photo resizing), which a script imports and is bundled with, into one function scope so that
// nothing it declares leaks into the page's globals beside the other inline scripts.
const scriptsDir = path.join(root, "views/scripts");
const inline = {};
for (const file of readdirSync(scriptsDir)
  .filter((f) => f.endsWith(".js"))
  .sort()) {
  const source = path.join(scriptsDir, file);
  const text = readFileSync(source, "utf8");
  const code = /^import\s/m.test(text)
    ? buildSync({ entryPoints: [source], bundle: true, format: "iife", minify: true, target: "es2020", write: false }).outputFiles[0].text
    : transformSync(text, { minify: true, target: "es2020", loader: "js" }).code;
  inline[file.replace(/\.js$/, "")] = code.trim();
}
const lines = Object.entries(inline).map(([name, code]) => `  ${JSON.stringify(name)}: ${JSON.stringify(code)},`);
writeFileSync(
  path.join(root, "views/inline-scripts.generated.ts"),
  `// Written by scripts/build-assets.mjs from views/scripts/*.js: edit those, not this.\nexport const INLINE_SCRIPTS = {\n${lines.join("\n")}\n} as const;\n`,
);

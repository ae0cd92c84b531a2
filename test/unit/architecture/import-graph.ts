// The import graph of src/ and views/, read with plain fs and regular expressions: every
// import, export-from, `import type`, side-effect import and `import("…")` (types included, since a
// type-only circle is still a circle for a reader). It must never guess: a relative specifier that
// resolves to no file is reported, not dropped.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** One import: the importing file, the specifier as written, and the file it resolves to (relative ones only). */
export interface ImportEdge {
  from: string;
  specifier: string;
  to: string | undefined;
}

// The clause between import/export and `from` holds only names, braces, commas, `*`, `type`, `as`.
const FROM = /^\s*(?:import|export)\s[\w\s{},*$]*?\bfrom\s*["']([^"']+)["']/gm;
const BARE = /^\s*import\s*["']([^"']+)["']/gm;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
const RESOLVE_SUFFIXES = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/** Every file under `dir` (relative to ROOT) whose name ends with one of `exts`, as ROOT-relative paths. */
export function filesUnder(dir: string, exts: string[]): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .filter((f) => exts.some((e) => f.endsWith(e)) && statSync(path.join(ROOT, f)).isFile())
    .sort();
}

export function specifiersOf(source: string): string[] {
  return [FROM, BARE, DYNAMIC].flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  // `./x.js` written for `./x.ts` resolves too, as the bundler resolves it.
  const candidates = [...RESOLVE_SUFFIXES.map((s) => base + s), base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx")];
  return candidates.find((c) => existsSync(path.join(ROOT, c)) && statSync(path.join(ROOT, c)).isFile());
}

export function importsOf(files: string[]): ImportEdge[] {
  return files.flatMap((from) =>
    specifiersOf(readFileSync(path.join(ROOT, from), "utf8")).map((specifier) => ({
      from,
      specifier,
      to: specifier.startsWith(".") ? resolve(from, specifier) : undefined,
    })),
  );
}

/** Strongly connected groups of more than one file (or a file importing itself), by Tarjan's algorithm. */
export function cycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) if (e.to) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || next.get(v)?.has(v)) groups.push(group.sort());
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return groups;
}

/** One shortest loop through the group's first file, to show how the circle closes. */
export function loopThrough(group: string[], edges: ImportEdge[]): string[] {
  const members = new Set(group);
  const start = group[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const e of edges) {
      if (e.from !== v || !e.to || !members.has(e.to)) continue;
      if (e.to === start) {
        const loop = [v];
        while (loop[0] !== start) loop.unshift(cameFrom.get(loop[0]!)!);
        return [...loop, start];
      }
      if (!cameFrom.has(e.to)) {
        cameFrom.set(e.to, v);
        queue.push(e.to);
      }
    }
  }
  return [start];
}

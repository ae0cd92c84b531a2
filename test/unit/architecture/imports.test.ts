// One direction through the house: the import rules every file in src/ and views/ keeps, read from
// the source itself (import-graph.ts). A failure names the files, so the fix is where it says.
// It must never carry a list of tolerated exceptions: a rule broken today fails today.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, filesUnder, importsOf, loopThrough } from "./import-graph";

const CODE = [".ts", ".tsx"];
const files = [...filesUnder("src", CODE), ...filesUnder("views", CODE)];
const edges = importsOf(files);
const under = (dir: string) => (file: string | undefined) => file?.startsWith(`${dir}/`) ?? false;
const show = (e: { from: string; specifier: string }) => `${e.from} → ${e.specifier}`;

describe("imports in src/ and views/", () => {
  it("should read a sensible number of files and imports", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(files.length);
  });

  it("should resolve every relative import to a file", () => {
    expect(edges.filter((e) => e.specifier.startsWith(".") && !e.to).map(show)).toEqual([]);
  });

  it("should have no import cycles (type-only imports count)", () => {
    const found = cycles(edges).map((group) => `${group.length} files: ${loopThrough(group, edges).join(" → ")}\n  all: ${group.join(", ")}`);
    expect(found).toEqual([]);
  });

  it("should keep views on their own view models: nothing in views/ imports src/hosted, src/journey or src/steps", () => {
    const forbidden = ["src/hosted", "src/journey", "src/steps"].map(under);
    expect(edges.filter((e) => under("views")(e.from) && forbidden.some((f) => f(e.to))).map(show)).toEqual([]);
  });

  it("should keep src/domain pure: it imports only src/domain and zod", () => {
    const inDomain = under("src/domain");
    const outside = edges.filter((e) => inDomain(e.from) && (e.to ? !inDomain(e.to) : e.specifier !== "zod"));
    expect(outside.map(show)).toEqual([]);
  });

  it("should never import test/ or scripts/ from src/ (its .mjs dev scripts included)", () => {
    const srcEdges = importsOf(filesUnder("src", [...CODE, ".mjs", ".mts", ".js"]));
    // The written path, resolved or not: a file that does not exist yet is still a leak.
    const target = (e: { from: string; specifier: string }) => (e.specifier.startsWith(".") ? path.posix.join(path.posix.dirname(e.from), e.specifier) : e.specifier);
    const leaks = srcEdges.filter((e) => /^(test|scripts)\//.test(target(e)));
    expect(leaks.map(show)).toEqual([]);
  });
});

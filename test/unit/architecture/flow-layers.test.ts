// The engine's own rules of direction: steps stand on the flow base and never on each other, the
// base knows no step or method by name, nothing but the writer writes a verification row, and
// the pure flow never reaches outside src/domain.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder, importsOf, ROOT } from "./import-graph";

const src = importsOf(filesUnder("src", [".ts", ".tsx"]));
const stepOf = (file: string) => /^src\/steps\/([^/]+)\//.exec(file)?.[1];

describe("the flow engine's layers", () => {
  it("should keep every step on the base: no step imports another step", () => {
    const across = src.filter((e) => stepOf(e.from) && e.to && stepOf(e.to) && stepOf(e.to) !== stepOf(e.from));
    expect(across.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it("should keep the base (src/flow) free of steps, methods, the journey and routes", () => {
    const up = src.filter((e) => e.from.startsWith("src/flow/") && e.to && /^src\/(steps|methods|journey|routes)\//.test(e.to));
    expect(up.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it("should keep the routes to the step registry: they know no step by name, on the desktop or the phone", () => {
    const named = src.filter((e) => e.from.startsWith("src/routes/") && e.to && /^src\/steps\/[^/]+\//.test(e.to));
    expect(named.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it("should let only the flow writer write a verification row", () => {
    const writers = filesUnder("src", [".ts", ".tsx"]).filter(
      (f) => f !== "src/db/verifications.ts" && /\bupdateVerification(ThenRead)?\b|update\(verifications\)/.test(readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(writers).toEqual(["src/flow/writer.ts"]);
  });

  it("should keep the flow's state and transition pure", () => {
    const out = src.filter((e) => e.from.startsWith("src/domain/flow/") && !(e.to ?? "").startsWith("src/domain/"));
    expect(out.map((e) => `${e.from} → ${e.specifier}`)).toEqual([]);
  });
});

// The static assets the views link to: named by a hash of their bytes (so a URL never changes
// meaning), present in public/ with nothing stale beside them, and served by `wrangler dev`
// (the same assets router as production) compressed, as public, immutable and fresh for a year.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import manifest from "../../views/asset-manifest.json";

const root = path.resolve(import.meta.dirname, "../..");
const baseUrl = inject("baseUrl");

describe("static assets", () => {
  it.each(Object.entries(manifest))("should name %s by the hash of its bytes", (_logical, url) => {
    const m = /^\/assets\/([\w-]+)\.([0-9a-f]{12})\.(\w+)$/.exec(url);
    expect(m, url).not.toBeNull();
    const bytes = readFileSync(path.join(root, "public", url));
    expect(createHash("sha256").update(bytes).digest("hex").slice(0, 12)).toBe(m![2]);
  });

  it("should keep no asset the manifest does not name", () => {
    expect(
      readdirSync(path.join(root, "public/assets"))
        .map((f) => `/assets/${f}`)
        .sort(),
    ).toEqual(Object.values(manifest).sort());
  });

  it.each(Object.values(manifest))("should serve %s compressed, public and immutable for a year", async (url) => {
    const res = await fetch(`${baseUrl}${url}`, { headers: { "accept-encoding": "gzip, br" } });
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    const cacheControl = res.headers
      .get("cache-control")
      ?.split(",")
      .map((d) => d.trim());
    expect(cacheControl).toEqual(expect.arrayContaining(["public", "max-age=31536000", "immutable"]));
    expect(res.headers.get("content-encoding")).toMatch(/^(gzip|br)$/);
  });
});

// The sandbox's licence reading: a marker appended to a real image says what it shows, anything
// else reads as the defaults, a PDF is never read, and a mistyped marker is unreadable.
import { describe, expect, it } from "vitest";
import { sandboxOcr } from "../../../../src/providers/ocr/sandbox";
import { SANDBOX_LICENCE_DEFAULTS, SANDBOX_LICENCE_MARKERS } from "../../../../src/providers/sandbox-values";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(512).fill(7)]);
const withMarker = (marker: string, image: Uint8Array = PNG) => new Uint8Array([...image, ...new TextEncoder().encode(`${marker}\n`)]);
const read = (image: Uint8Array, contentType = "image/png") => sandboxOcr().readBusinessLicence({ image, contentType });

describe("sandboxOcr readBusinessLicence", () => {
  it("should read a licence without a marker as the defaults, with a sandbox serial", async () => {
    const answer = await read(PNG);
    expect(answer).toMatchObject({ outcome: "match", provider: "sandbox", ...SANDBOX_LICENCE_DEFAULTS, warnings: [] });
    expect(answer.outcome === "match" && answer.serial).toMatch(/^sbx_[0-9a-f]{16}$/);
  });

  it("should read the fields and warnings a marker names", async () => {
    expect(await read(withMarker(`${SANDBOX_LICENCE_MARKERS.prefix}:宁波示例科技有限公司:91330200MA2AAAAA0G:李四:photocopy,electronic`))).toMatchObject({
      outcome: "match",
      name: "宁波示例科技有限公司",
      creditCode: "91330200MA2AAAAA0G",
      legalRepName: "李四",
      type: SANDBOX_LICENCE_DEFAULTS.type,
      warnings: ["photocopy", "electronic"],
    });
  });

  it.each([
    [SANDBOX_LICENCE_MARKERS.unreadable, { outcome: "no_match", reason: "unreadable" }],
    [SANDBOX_LICENCE_MARKERS.unavailable, { outcome: "unavailable", detail: "sandbox_unavailable" }],
    [`${SANDBOX_LICENCE_MARKERS.prefix}:只有名称`, { outcome: "no_match", reason: "unreadable" }],
    [`${SANDBOX_LICENCE_MARKERS.prefix}:甲公司:91330200MA2AAAAA0G:李四:sepia`, { outcome: "no_match", reason: "unreadable" }],
  ])("should answer the marker %s", async (marker, expected) => {
    expect(await read(withMarker(marker))).toMatchObject(expected);
  });

  it("should look only at the file's end, so a marker inside a large photo is not read", async () => {
    const buried = new Uint8Array([...withMarker(SANDBOX_LICENCE_MARKERS.unreadable), ...new Array(1024).fill(7)]);
    expect(await read(buried)).toMatchObject({ outcome: "match" });
  });

  it("should never read a PDF, as live, whatever it holds", async () => {
    const pdf = withMarker(SANDBOX_LICENCE_MARKERS.unavailable, new TextEncoder().encode("%PDF-1.7\n"));
    expect(await read(pdf, "application/pdf")).toMatchObject({ outcome: "no_match", reason: "unsupported_file" });
  });

  it("should answer unreadable for an empty image", async () => {
    expect(await read(new Uint8Array())).toMatchObject({ outcome: "no_match", reason: "unreadable" });
  });
});

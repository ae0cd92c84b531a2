// What the sandbox OCR reads from images that carry no full marker: real photos, empty images,
// bare side markers and mistyped markers.
import { describe, expect, it } from "vitest";
import { sandboxOcr } from "../../../../src/providers/ocr/sandbox";
import { SANDBOX_OCR_DEFAULTS } from "../../../../src/providers/sandbox-values";

const text = (s: string) => new TextEncoder().encode(s);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(300).fill(7)]);

describe("sandboxOcr", () => {
  it("should read any real photo as the default portrait side", async () => {
    const answer = await sandboxOcr().readIdCard({ side: "front", image: JPEG, contentType: "image/jpeg" });
    expect(answer).toMatchObject({ outcome: "match", ...SANDBOX_OCR_DEFAULTS.front });
  });

  it("should read any real photo as the default emblem side", async () => {
    const answer = await sandboxOcr().readIdCard({ side: "back", image: JPEG, contentType: "image/jpeg" });
    expect(answer).toMatchObject({ outcome: "match", ...SANDBOX_OCR_DEFAULTS.back });
  });

  it("should read a bare side marker as that side's defaults", async () => {
    const answer = await sandboxOcr().readIdCard({ side: "back", image: text("sandbox:back"), contentType: "image/png" });
    expect(answer).toMatchObject({ outcome: "match", ...SANDBOX_OCR_DEFAULTS.back });
  });

  it("should answer unreadable for an empty image", async () => {
    const answer = await sandboxOcr().readIdCard({ side: "front", image: new Uint8Array(), contentType: "image/jpeg" });
    expect(answer).toMatchObject({ outcome: "no_match", reason: "unreadable" });
  });

  it.each(["sandbox:frnot", "sandbox:back:2016-8-20:2036-08-20", "sandbox:front:张三", "sandbox:back:2016-08-20:forever"])("should answer unreadable for the mistyped marker %s", async (marker) => {
    const side = marker.includes("front") ? "front" : "back";
    const answer = await sandboxOcr().readIdCard({ side, image: text(marker), contentType: "image/png" });
    expect(answer).toMatchObject({ outcome: "no_match", reason: "unreadable" });
  });

  it("should read the same image the same way, each read with a serial of its own", async () => {
    const first = await sandboxOcr().readIdCard({ side: "front", image: JPEG, contentType: "image/jpeg" });
    const again = await sandboxOcr().readIdCard({ side: "front", image: JPEG, contentType: "image/jpeg" });
    expect(first.outcome).toBe("match");
    if (first.outcome !== "match" || again.outcome !== "match") return;
    expect({ ...again, serial: first.serial }).toEqual(first);
    expect(again.serial).not.toBe(first.serial);
  });
});

import { describe, expect, it } from "vitest";
import { inspectImage, MAX_IMAGE_BYTES, sniff } from "../../../../src/domain/images/inspect";
import { stripMetadata } from "../../../../src/domain/images/strip-metadata";
import { inspectLicence, MAX_LICENCE_BYTES } from "../../../../src/domain/images/inspect-licence";

function png(width: number, height: number, extraChunks: [string, Uint8Array][] = []): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
    out.set(data, 8);
    return out; // CRC left zero: the parser must not need it
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    ...extraChunks.map(([t, d]) => chunk(t, d)),
    chunk("IDAT", new Uint8Array(4)),
    chunk("IEND", new Uint8Array()),
  ];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function jpeg(width: number, height: number, withExif = false): Uint8Array {
  const exif = withExif ? [0xff, 0xe1, 0x00, 0x0a, ...new TextEncoder().encode("Exif\0GPS")] : [];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, ...exif, ...sof, 0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9]);
}

describe("ID photo inspection", () => {
  it("should recognise JPEG and PNG by their bytes", () => {
    expect(sniff(jpeg(800, 600))).toBe("jpeg");
    expect(sniff(png(800, 600))).toBe("png");
    expect(sniff(new TextEncoder().encode("GIF89a......"))).toBeNull();
  });

  it("should read dimensions and accept sane photos", () => {
    expect(inspectImage(jpeg(1600, 1000), "image/jpeg")).toEqual({ ok: true, kind: "jpeg", width: 1600, height: 1000 });
    expect(inspectImage(png(1200, 800), "image/png")).toEqual({ ok: true, kind: "png", width: 1200, height: 800 });
  });

  it.each([
    ["an empty file", new Uint8Array(), "image/png", "image_empty"],
    ["a GIF", new TextEncoder().encode("GIF89a........................"), "image/gif", "image_unsupported"],
    ["a PNG renamed as JPEG", png(800, 600), "image/jpeg", "image_type_mismatch"],
    ["a tiny image", png(20, 20), "image/png", "image_dimensions"],
    ["a huge image", png(9000, 600), "image/png", "image_dimensions"],
  ])("should refuse %s", (_, bytes, type, code) => {
    expect(inspectImage(bytes, type)).toEqual({ ok: false, code });
  });

  it("should refuse files over 5 MB", () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(png(800, 600));
    expect(inspectImage(big, "image/png")).toEqual({ ok: false, code: "image_too_large" });
  });

  it("should strip EXIF from JPEG and text chunks from PNG, keeping the image", () => {
    const j = stripMetadata(jpeg(800, 600, true), "jpeg");
    expect(new TextDecoder().decode(j)).not.toContain("GPS");
    expect(inspectImage(j, "image/jpeg")).toMatchObject({ ok: true, width: 800, height: 600 });
    const p = stripMetadata(png(800, 600, [["tEXt", new TextEncoder().encode("Author\0Someone")]]), "png");
    expect(new TextDecoder().decode(p)).not.toContain("Someone");
    expect(new TextDecoder().decode(p)).toContain("IDAT");
  });
});

describe("untrusted JPEG structure", () => {
  it("should refuse a JPEG whose segments do not lead cleanly to the image data", () => {
    const good = [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const strayThenExif = Uint8Array.from([...good, 0x00, 0xff, 0xe1, 0x00, 0x08, ...new TextEncoder().encode("GPS!!!"), 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]);
    expect(inspectImage(strayThenExif, "image/jpeg")).toEqual({ ok: false, code: "image_dimensions" });
  });

  it("should skip fill bytes and still strip the EXIF after them", () => {
    const bytes = Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xff,
      0xe1,
      0x00,
      0x08,
      ...new TextEncoder().encode("GPS!!!"),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x02,
      0x58,
      0x03,
      0x20,
      0x03,
      1,
      0x22,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1,
      0xff,
      0xda,
      0x00,
      0x02,
      0xff,
      0xd9,
    ]);
    expect(inspectImage(bytes, "image/jpeg")).toMatchObject({ ok: true, width: 800, height: 600 });
    expect(new TextDecoder().decode(stripMetadata(bytes, "jpeg"))).not.toContain("GPS");
  });
});

describe("inspectLicence", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
  const pdf = new TextEncoder().encode("%PDF-1.7\n...");
  it.each([
    ["a PNG", png, { ok: true, contentType: "image/png" }],
    ["a JPEG", jpeg, { ok: true, contentType: "image/jpeg" }],
    ["a PDF", pdf, { ok: true, contentType: "application/pdf" }],
    ["HTML", new TextEncoder().encode("<html>"), { ok: false, code: "licence_unsupported" }],
    ["nothing", new Uint8Array(), { ok: false, code: "licence_empty" }],
  ])("should recognise %s by its bytes", (_, bytes, want) => {
    expect(inspectLicence(bytes)).toEqual(want);
  });

  it("should refuse more than 10 MB", () => {
    const big = new Uint8Array(MAX_LICENCE_BYTES + 1);
    big.set(png);
    expect(inspectLicence(big)).toEqual({ ok: false, code: "licence_too_large" });
  });
});

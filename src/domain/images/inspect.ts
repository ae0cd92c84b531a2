// Recognises an uploaded ID photo by its bytes, never by its name or declared type, and refuses
// anything that is not a JPEG or PNG of sane size and dimensions.
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 8000;
export const MIN_IMAGE_SIDE = 200;

export type ImageKind = "jpeg" | "png";

export type Inspection =
  | { ok: true; kind: ImageKind; width: number; height: number }
  | { ok: false; code: "image_empty" | "image_too_large" | "image_unsupported" | "image_type_mismatch" | "image_dimensions" };

export function sniff(bytes: Uint8Array): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return "png";
  return null;
}

/** `declaredType` is the browser's MIME type; a PNG sent as image/jpeg is refused. */
export function inspectImage(bytes: Uint8Array, declaredType: string): Inspection {
  if (bytes.length === 0) return { ok: false, code: "image_empty" };
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, code: "image_too_large" };
  const kind = sniff(bytes);
  if (!kind) return { ok: false, code: "image_unsupported" };
  const declared = declaredType === "image/png" ? "png" : declaredType === "image/jpeg" || declaredType === "image/jpg" ? "jpeg" : null;
  if (declared !== null && declared !== kind) return { ok: false, code: "image_type_mismatch" };
  const size = kind === "png" ? pngSize(bytes) : jpegSize(bytes);
  if (!size || size.width < MIN_IMAGE_SIDE || size.height < MIN_IMAGE_SIDE || size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
    return { ok: false, code: "image_dimensions" };
  }
  return { ok: true, kind, ...size };
}

function pngSize(b: Uint8Array) {
  if (b.length < 24) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Walks every segment up to the start of scan: a file whose headers do not lead there cleanly is
 * refused, so nothing (EXIF included) can hide where the metadata stripper would not look.
 */
function jpegSize(b: Uint8Array) {
  let i = 2;
  let size: { width: number; height: number } | null = null;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    if (b[i + 1] === 0xff) {
      i += 1; // fill byte
      continue;
    }
    const marker = b[i + 1]!;
    if (marker === 0xda) return size;
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    if (length < 2) return null;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker) && i + 8 < b.length) {
      size = { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    }
    i += 2 + length;
  }
  return null;
}

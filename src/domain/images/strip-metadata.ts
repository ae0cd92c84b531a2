// Removes metadata from a JPEG or PNG without re-encoding pixels: EXIF can carry GPS position,
// device serials and timestamps that a verification does not need (PIPL: keep the minimum).
import type { ImageKind } from "./inspect";

export function stripMetadata(bytes: Uint8Array, kind: ImageKind): Uint8Array {
  return kind === "jpeg" ? stripJpeg(bytes) : stripPng(bytes);
}

// Keeps only segments needed to decode: APPn (except APP0/JFIF and APP14/Adobe colour) and COM go.
function stripJpeg(b: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    if (b[i + 1] === 0xff) {
      i += 1; // fill byte, dropped
      continue;
    }
    const marker = b[i + 1]!;
    if (marker === 0xda) {
      out.push(b.subarray(i)); // start of scan: the rest is image data
      return concat(out);
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    const segment = b.subarray(i, i + 2 + length);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xee) && marker !== 0xfe;
    if (keep) out.push(segment);
    i += 2 + length;
  }
  out.push(b.subarray(i));
  return concat(out);
}

const PNG_DROP = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

function stripPng(b: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [b.subarray(0, 8)];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 8;
  while (i + 12 <= b.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    const end = i + 12 + length;
    if (!PNG_DROP.has(type)) out.push(b.subarray(i, end));
    i = end;
  }
  return concat(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

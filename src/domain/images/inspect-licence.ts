// Recognises an uploaded business licence (营业执照) by its bytes, never by its name or declared
// type: a JPEG, a PNG or a PDF of at most 10 MB. It answers the type to store and serve the file
// with, so what a reviewer's browser is told the file is always comes from its bytes.
import { sniff } from "./inspect";

export const MAX_LICENCE_BYTES = 10 * 1024 * 1024;

export type LicenceType = "image/jpeg" | "image/png" | "application/pdf";

export type LicenceInspection = { ok: true; contentType: LicenceType } | { ok: false; code: "licence_empty" | "licence_too_large" | "licence_unsupported" };

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function inspectLicence(bytes: Uint8Array): LicenceInspection {
  if (bytes.length === 0) return { ok: false, code: "licence_empty" };
  if (bytes.length > MAX_LICENCE_BYTES) return { ok: false, code: "licence_too_large" };
  const image = sniff(bytes);
  if (image) return { ok: true, contentType: image === "png" ? "image/png" : "image/jpeg" };
  if (bytes.length >= PDF.length && PDF.every((b, i) => bytes[i] === b)) return { ok: true, contentType: "application/pdf" };
  return { ok: false, code: "licence_unsupported" };
}

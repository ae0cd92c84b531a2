// Standard (RFC 4648, padded) base64 of raw bytes, as Tencent Cloud wants images and clips.
// The project's crypto/encoding only has the URL-safe form, which the vendor rejects.

// btoa takes a "binary string"; building it in slices keeps String.fromCharCode's argument list
// short enough for a multi-megabyte clip.
const SLICE = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

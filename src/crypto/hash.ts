// Plain digests for high-entropy secrets (API keys, session secrets); anything low-entropy or personal uses the keyed hash in data-key.ts.
import { toHex, utf8 } from "./encoding";

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", utf8.encode(text)));
}

/** Constant-time comparison of two equal-purpose strings, so timing never tells how much matched. */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

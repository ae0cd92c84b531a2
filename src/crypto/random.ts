// Unguessable identifiers and secrets from Web Crypto. Never Math.random.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Rejection sampling keeps every character equally likely (no modulo bias).
export function randomString(length: number, alphabet = ALPHABET): string {
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/** `ver_` + 24 base62 characters: about 143 bits, so ids double as unguessable capabilities. */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(24)}`;
}

/** A uniform integer in [0, n), by rejection sampling like randomString. */
export function randomInt(n: number): number {
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (;;) {
    const x = crypto.getRandomValues(new Uint32Array(1))[0]!;
    if (x < limit) return x % n;
  }
}

export function randomDigits(length: number): string {
  return randomString(length, "0123456789");
}

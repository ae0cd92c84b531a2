// The signing keys for result tokens and evidence: SIGNING_KEYS is a JSON array of JWKs (ES256
// on P-256, or EdDSA on Ed25519), each with a `kid`. The first signs; every one is published in
// the JWKS, so a retired key (kept as its public half) still verifies what it signed.
// A private part (`d`) must never leave this module: the JWKS gets public members only.
import { type CryptoKey, importJWK, type JWK } from "jose";
import { z } from "zod";

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);
const kid = z.string().regex(/^[\x21-\x7e]{1,64}$/, "kid must be 1 to 64 printable ASCII characters");

const ecKey = z.object({ kty: z.literal("EC"), crv: z.literal("P-256"), kid, x: b64url, y: b64url, d: b64url.optional() });
const okpKey = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), kid, x: b64url, d: b64url.optional() });
const signingJwk = z.discriminatedUnion("kty", [ecKey, okpKey]);
type SigningJwk = z.infer<typeof signingJwk>;

export const signingKeysSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "SIGNING_KEYS must be a JSON array of JWKs" });
      return z.NEVER;
    }
  })
  .pipe(z.array(signingJwk).min(1, "SIGNING_KEYS must hold at least one key"))
  .refine((keys) => keys[0]?.d !== undefined, "the first key in SIGNING_KEYS signs, so it must be a private key (with d)")
  .refine((keys) => new Set(keys.map((k) => k.kid)).size === keys.length, "every kid in SIGNING_KEYS must be unique");

export type SigningAlgorithm = "ES256" | "EdDSA";

export interface SigningKeys {
  signer: { kid: string; alg: SigningAlgorithm; key: CryptoKey; publicJwk: JWK };
  /** The JWKS document: every key's public members, with `alg` and `use`. */
  jwks: { keys: JWK[] };
}

const algorithmOf = (k: SigningJwk): SigningAlgorithm => (k.kty === "EC" ? "ES256" : "EdDSA");

function publicJwk(k: SigningJwk): JWK {
  const common = { kid: k.kid, alg: algorithmOf(k), use: "sig" };
  return k.kty === "EC" ? { kty: k.kty, crv: k.crv, x: k.x, y: k.y, ...common } : { kty: k.kty, crv: k.crv, x: k.x, ...common };
}

const cache = new Map<string, Promise<SigningKeys>>();

async function load(keys: SigningJwk[]): Promise<SigningKeys> {
  const [first] = keys;
  if (!first?.d) throw new Error("SIGNING_KEYS: the first key must be private");
  const alg = algorithmOf(first);
  const key = await importJWK({ ...first }, alg);
  if (key instanceof Uint8Array) throw new Error("SIGNING_KEYS: not an asymmetric key");
  return { signer: { kid: first.kid, alg, key, publicJwk: publicJwk(first) }, jwks: { keys: keys.map(publicJwk) } };
}

/** Imported once per isolate and key set (importing is the slow part of signing). */
export function signingKeys(config: { SIGNING_KEYS: SigningJwk[] }): Promise<SigningKeys> {
  const id = JSON.stringify(config.SIGNING_KEYS);
  let hit = cache.get(id);
  if (!hit) {
    hit = load(config.SIGNING_KEYS);
    cache.set(id, hit);
    hit.catch(() => cache.delete(id));
  }
  return hit;
}

// The handoff link's token: a JWT signed with Ed25519 (EdDSA, pinned on verification), its own
// `typ` and `aud`, at most 5 minutes to live, a random `jti`. The key is derived from DATA_KEY so
// no extra secret is needed; it never signs anything else. Every failure reads the same outside.
import { jwtVerify, SignJWT } from "jose";
import { fromBase64, utf8 } from "../crypto/encoding";
import { randomString } from "../crypto/random";

export const HANDOFF_TOKEN_TYP = "shiming-handoff+jwt";
export const HANDOFF_AUDIENCE = "shiming:phone";
export const HANDOFF_TOKEN_TTL_MS = 5 * 60_000;

export interface HandoffClaims {
  handoffId: string;
  jti: string;
  expiresAt: number;
}

const keys = new Map<string, Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }>>();

// PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed 16-byte prefix, then the 32 bytes.
const ED25519_PKCS8_PREFIX = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

function handoffKeys(dataKey: string) {
  let pair = keys.get(dataKey);
  if (!pair) {
    pair = (async () => {
      const master = await crypto.subtle.importKey("raw", fromBase64(dataKey), "HKDF", false, ["deriveBits"]);
      const seed = new Uint8Array(await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: utf8.encode("shiming/handoff-token/v1") }, master, 256));
      const pkcs8 = Uint8Array.from([...ED25519_PKCS8_PREFIX, ...seed]);
      const privateKey = (await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, true, ["sign"])) as CryptoKey;
      const jwk = (await crypto.subtle.exportKey("jwk", privateKey)) as JsonWebKey;
      const publicKey = (await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x }, { name: "Ed25519" }, true, ["verify"])) as CryptoKey;
      return { privateKey, publicKey };
    })();
    keys.set(dataKey, pair);
  }
  return pair;
}

export async function signHandoffToken(dataKey: string, issuer: string, handoffId: string, now: number): Promise<HandoffClaims & { token: string }> {
  const jti = randomString(22);
  const expiresAt = now + HANDOFF_TOKEN_TTL_MS;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "EdDSA", typ: HANDOFF_TOKEN_TYP })
    .setIssuer(issuer)
    .setAudience(HANDOFF_AUDIENCE)
    .setSubject(handoffId)
    .setJti(jti)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign((await handoffKeys(dataKey)).privateKey);
  return { token, handoffId, jti, expiresAt };
}

export type TokenCheck = { ok: true; claims: HandoffClaims } | { ok: false; reason: "expired" | "invalid" };

export async function verifyHandoffToken(dataKey: string, issuer: string, token: string, now: number): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, (await handoffKeys(dataKey)).publicKey, {
      algorithms: ["EdDSA"],
      typ: HANDOFF_TOKEN_TYP,
      audience: HANDOFF_AUDIENCE,
      issuer,
      currentDate: new Date(now),
      requiredClaims: ["jti", "sub", "exp"],
    });
    if (!payload.sub || !payload.jti || !payload.exp) return { ok: false, reason: "invalid" };
    // A token cannot promise itself more than five minutes, whatever it says.
    if (payload.exp * 1000 - (payload.iat ?? 0) * 1000 > HANDOFF_TOKEN_TTL_MS) return { ok: false, reason: "invalid" };
    return { ok: true, claims: { handoffId: payload.sub, jti: payload.jti, expiresAt: payload.exp * 1000 } };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, reason: code === "ERR_JWT_EXPIRED" ? "expired" : "invalid" };
  }
}

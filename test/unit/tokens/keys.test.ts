import { exportJWK, generateKeyPair, jwtVerify, importJWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signingKeys, signingKeysSchema } from "../../../src/tokens/keys";

async function privateJwk(alg: "ES256" | "EdDSA", kid: string) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, crv: alg === "EdDSA" ? "Ed25519" : undefined });
  return { kid, ...(await exportJWK(privateKey)) };
}

describe("SIGNING_KEYS", () => {
  it("should sign with the first key and publish every key without its private part", async () => {
    const current = await privateJwk("EdDSA", "2027-01");
    const { d: _d, ...retired } = await privateJwk("ES256", "2026-01");
    const keys = await signingKeys({ SIGNING_KEYS: signingKeysSchema.parse(JSON.stringify([current, retired])) });
    expect(keys.signer).toMatchObject({ kid: "2027-01", alg: "EdDSA" });
    expect(keys.jwks.keys.map((k) => [k.kid, k.alg, k.use])).toEqual([
      ["2027-01", "EdDSA", "sig"],
      ["2026-01", "ES256", "sig"],
    ]);
    expect(JSON.stringify(keys.jwks)).not.toContain('"d"');
    const token = await new SignJWT({ ok: true }).setProtectedHeader({ alg: keys.signer.alg, kid: keys.signer.kid }).sign(keys.signer.key);
    const published = await importJWK(keys.jwks.keys[0]!, "EdDSA");
    expect((await jwtVerify(token, published)).payload.ok).toBe(true);
  });

  it.each([
    ["not JSON", "nope"],
    ["an empty list", "[]"],
    ["a public first key", async () => JSON.stringify([{ ...(await privateJwk("ES256", "a")), d: undefined }])],
    ["a duplicate kid", async () => JSON.stringify([await privateJwk("ES256", "a"), await privateJwk("EdDSA", "a")])],
    ["a key without kid", async () => JSON.stringify([{ ...(await privateJwk("ES256", "a")), kid: undefined }])],
    ["an RSA key", JSON.stringify([{ kty: "RSA", kid: "r", n: "AQAB", e: "AQAB", d: "AQAB" }])],
    ["a symmetric key", JSON.stringify([{ kty: "oct", kid: "s", k: "c2VjcmV0" }])],
  ])("should refuse %s", async (_, value) => {
    const text = typeof value === "function" ? await value() : value;
    expect(signingKeysSchema.safeParse(text).success).toBe(false);
  });
});

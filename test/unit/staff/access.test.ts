// Access verification fails closed: the development key works only where the environment is
// development or test, and a deployed environment without its Access settings lets nobody in.
import { importJWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { accessEmail, DEV_AUDIENCE, DEV_ISSUER, devSignInAllowed } from "../../../src/staff/access";

const DEV_KEY = {
  kid: "staff-unit",
  kty: "EC",
  crv: "P-256",
  x: "oR0maSkPxpDMieot93grjN1a1IiXTvV13wVEl4zLULU",
  y: "3jMGfVgqJtQcNfFP2_W5AZYrbG3OqrvHhug-OVscVac",
  d: "KO4tcVdg4VMSWg39tkhPCyHalNjZlw7-DJIwJLhz8AY",
};

async function devToken(email = "reviewer@shiming.example") {
  return new SignJWT({ email })
    .setProtectedHeader({ alg: "ES256" })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setExpirationTime("5m")
    .sign(await importJWK(DEV_KEY, "ES256"));
}

describe("Cloudflare Access verification", () => {
  it("should accept the development key in development and in tests", async () => {
    for (const environment of ["development", "test"] as const) {
      expect(await accessEmail(await devToken("Reviewer@Shiming.example"), { environment, devKey: DEV_KEY })).toBe("reviewer@shiming.example");
      expect(devSignInAllowed({ environment, devKey: DEV_KEY })).toBe(true);
    }
  });

  it("should refuse the development key, and everyone, in a deployed environment", async () => {
    for (const environment of ["staging", "production"] as const) {
      expect(await accessEmail(await devToken(), { environment, devKey: DEV_KEY })).toBeNull();
      expect(devSignInAllowed({ environment, devKey: DEV_KEY })).toBe(false);
      // Configured for Access, a development token still fails: wrong issuer, wrong algorithm, unknown key.
      expect(await accessEmail(await devToken(), { environment, devKey: DEV_KEY, teamDomain: "shiming.cloudflareaccess.com", aud: DEV_AUDIENCE })).toBeNull();
    }
  });

  it("should refuse a token without an email claim", async () => {
    const noEmail = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256" })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime("5m")
      .sign(await importJWK(DEV_KEY, "ES256"));
    expect(await accessEmail(noEmail, { environment: "test", devKey: DEV_KEY })).toBeNull();
  });
});

// Who a staff request comes from: Cloudflare Access signs every request it lets through with a JWT
// in `Cf-Access-Jwt-Assertion`; that header is the authority (the CF_Authorization cookie alone is
// not). It is verified with the team's published keys (RS256), its issuer and the application's
// AUD tag, and answers the email it was issued to. Locally and in tests the very same check runs
// against a development key (STAFF_DEV_KEY); in any other environment that key is never looked
// at, and without ACCESS_TEAM_DOMAIN and ACCESS_AUD nobody is let in.
import { createLocalJWKSet, createRemoteJWKSet, type JWK, type JWTVerifyGetKey, jwtVerify } from "jose";

export type AccessEnvironment = "development" | "test" | "staging" | "production";

export interface AccessSettings {
  environment: AccessEnvironment;
  /** `<team>.cloudflareaccess.com` */
  teamDomain?: string | undefined;
  /** The Access application's AUD tag. */
  aud?: string | undefined;
  /** Development and tests only: the key that stands in for Access's (a private ES256 JWK; its public half verifies). */
  devKey?: JWK | undefined;
}

/** The development stand-in's issuer and audience: never Access's own, so a dev token is nothing elsewhere. */
export const DEV_ISSUER = "https://access.shiming.localhost";
export const DEV_AUDIENCE = "shiming-staff-dev";

const isLocal = (environment: AccessEnvironment) => environment === "development" || environment === "test";

interface Verifier {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  algorithms: string[];
}

// One key set per team for the isolate's life: jose caches and refreshes the fetched certs.
const remote = new Map<string, JWTVerifyGetKey>();

function verifierFor(settings: AccessSettings): Verifier | null {
  if (isLocal(settings.environment)) {
    if (!settings.devKey) return null;
    const { d: _private, ...publicKey } = settings.devKey;
    return { keys: createLocalJWKSet({ keys: [{ ...publicKey, alg: "ES256" }] }), issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ["ES256"] };
  }
  const { teamDomain, aud } = settings;
  if (!teamDomain || !aud) return null;
  const issuer = `https://${teamDomain}`;
  let keys = remote.get(issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${issuer}/cdn-cgi/access/certs`));
    remote.set(issuer, keys);
  }
  return { keys, issuer, audience: aud, algorithms: ["RS256"] };
}

/** The signed-in email, or null for anything that does not verify (and for everyone, when unconfigured). */
export async function accessEmail(token: string | undefined, settings: AccessSettings): Promise<string | null> {
  const verifier = verifierFor(settings);
  if (!token || !verifier) return null;
  try {
    const { payload } = await jwtVerify(token, verifier.keys, { issuer: verifier.issuer, audience: verifier.audience, algorithms: verifier.algorithms });
    return typeof payload.email === "string" && payload.email.includes("@") ? payload.email.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Whether this environment accepts the development stand-in (the sign-in link `npm start` prints). */
export function devSignInAllowed(settings: AccessSettings): boolean {
  return isLocal(settings.environment) && !!settings.devKey;
}

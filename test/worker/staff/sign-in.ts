// Staff for the back-office tests: a member added to D1 and a token for them, signed as Cloudflare
// Access would sign it (in tests, with STAFF_DEV_KEY; src/staff/access.ts checks both the same way).
import { env } from "cloudflare:workers";
import { importJWK, SignJWT } from "jose";
import { database } from "../../../src/db/client";
import { addStaff } from "../../../src/db/staff";
import { DEV_AUDIENCE, DEV_ISSUER } from "../../../src/staff/access";

export const DEV_KEY = JSON.parse(env.STAFF_DEV_KEY as string);

/** `opts` make a token that must be refused: another issuer, audience, lifetime or key. */
export async function staffToken(email: string, opts: { issuer?: string; audience?: string; expiresIn?: string; key?: Record<string, unknown> } = {}) {
  return new SignJWT({ email })
    .setProtectedHeader({ alg: "ES256", kid: "staff-test" })
    .setIssuer(opts.issuer ?? DEV_ISSUER)
    .setAudience(opts.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? "10m")
    .sign(await importJWK(opts.key ?? DEV_KEY, "ES256"));
}

let n = 0;

/** A new member with a unique email, and their token. */
export async function staffMember(role: "reviewer" | "admin", name: string = role === "admin" ? "管理员甲" : "审核员乙") {
  const email = `staff${Date.now()}${n++}@shiming.example`;
  const added = await addStaff(database(env.DB), { email, name, role }, Date.now());
  if (!added) throw new Error(`could not add ${email}`);
  return { ...added, jwt: await staffToken(email) };
}

// The 401 of both bearer-token areas: problem+json, plus the RFC 6750 challenge that tells a
// client which scheme to use. `error="invalid_token"` only when a bearer token was sent: a request
// with no credentials (or another scheme) gets the bare challenge (RFC 6750 section 3.1). Why a
// token failed is never said, so revoked, unknown and malformed tokens look alike.
import { problemBody, problemResponse } from "./problem";

export type Realm = "api" | "admin";

export function bearerChallenge(realm: Realm, tokenSent: boolean, detail: string): Response {
  const challenge = tokenSent ? `Bearer realm="${realm}", error="invalid_token"` : `Bearer realm="${realm}"`;
  return problemResponse(problemBody("unauthorized", detail), { "www-authenticate": challenge });
}

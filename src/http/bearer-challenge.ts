// The 401 of both bearer-token areas: problem+json, plus the RFC 6750 challenge that tells a
// client which scheme to use. `error="invalid_token"` only when a bearer token was sent: a request
// with no credentials (or another scheme) gets the bare challenge (RFC 6750 section 3.1). Why a
// token failed is never said, so revoked, unknown and malformed tokens look alike.
import type { Context } from "hono";
import { text } from "./api-messages";
import { ProblemError, problemResponse } from "./problem";

export type Realm = "api" | "admin";

export function bearerChallenge(c: Context, realm: Realm, tokenSent: boolean): Response {
  const challenge = tokenSent ? `Bearer realm="${realm}", error="invalid_token"` : `Bearer realm="${realm}"`;
  const detail = text(realm === "api" ? "detail.unauthorized_api" : "detail.unauthorized_admin");
  return problemResponse(c, new ProblemError("unauthorized", detail), { headers: { "www-authenticate": challenge } });
}

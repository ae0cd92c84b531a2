// The result token: a JWT (ES256 or EdDSA, with `kid`) that tells a partner how a verification
// ended, verifiable offline against /.well-known/jwks.json. It carries no personal data: the ID
// number or credential code appears only as a keyed hash scoped to the partner, so one partner
// can recognise a repeat applicant while two partners' hashes never match each other.
import { SignJWT } from "jose";
import type { Config } from "../config";
import type { DataCipher } from "../crypto/data-key";
import { DAY } from "../domain/clock";
import { isOpen } from "../domain/verification/status";
import type { VerificationRow } from "../db/verifications";
import { signingKeys } from "./keys";

export interface TokenContext {
  config: Pick<Config, "SIGNING_KEYS" | "RESULT_TOKEN_TTL_DAYS">;
  cipher: DataCipher;
}

type TokenRow = Pick<
  VerificationRow,
  "id" | "partnerId" | "livemode" | "type" | "status" | "method" | "completedAt" | "updatedAt" | "personIdNumberHash" | "orgCredentialCode" | "orgRegistryStatus" | "operatorRole"
>;

/** An organization's public facts: its code, the registry's answer and who acted (a role, never a person). */
export function organizationClaims(row: Pick<VerificationRow, "type" | "orgCredentialCode" | "orgRegistryStatus" | "operatorRole">) {
  return row.type === "organization" ? { organization: { credential_code: row.orgCredentialCode, registry_status: row.orgRegistryStatus, operator_role: row.operatorRole } } : {};
}

/**
 * HMAC (DATA_KEY-derived, purpose `partner_subject`) over the audience (partner and mode) and the identifier.
 * For a person it is taken over the stored `person_id_number_hash`, not the number itself: the
 * plaintext is purged when a verification ends, and the stored hash is as unique as the number.
 */
export async function identityHash(cipher: DataCipher, row: TokenRow): Promise<string | null> {
  if (row.type === "person" && row.personIdNumberHash) return cipher.hash("partner_subject", `${audienceFor(row)}:id_number:${row.personIdNumberHash}`);
  if (row.type === "organization" && row.orgCredentialCode) return cipher.hash("partner_subject", `${audienceFor(row)}:credential_code:${row.orgCredentialCode}`);
  return null;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * Who a token or evidence record is for: the partner in live mode, `<partner id>:test` in test
 * mode, so a test-mode result (made with a test key, by sandboxes) can never pass a live check.
 */
export function audienceFor(row: Pick<VerificationRow, "partnerId" | "livemode">): string {
  return row.livemode ? row.partnerId : `${row.partnerId}:test`;
}

/** The signed result of an ended verification; null while it is still open. */
export async function resultTokenFor(ctx: TokenContext, issuer: string, row: TokenRow): Promise<string | null> {
  if (isOpen(row.status)) return null;
  const { signer } = await signingKeys(ctx.config);
  const endedAt = row.completedAt ?? row.updatedAt;
  return new SignJWT({
    status: row.status,
    type: row.type,
    method: row.method,
    verified_at: row.status === "verified" ? seconds(endedAt) : null,
    livemode: row.livemode,
    identity_hash: await identityHash(ctx.cipher, row),
    ...organizationClaims(row),
  })
    .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setAudience(audienceFor(row))
    .setSubject(row.id)
    .setIssuedAt(seconds(endedAt))
    .setExpirationTime(seconds(endedAt + ctx.config.RESULT_TOKEN_TTL_DAYS * DAY))
    .sign(signer.key);
}

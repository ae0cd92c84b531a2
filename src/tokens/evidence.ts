// The evidence record: everything we can show about how one verification went (consents with
// text hash and version, time, IP and browser; provider calls with provider and serial; SMS
// codes sent and checked; handoffs; status changes), as a compact JWS over canonical JSON,
// signed with the result-token keys. It never holds an SMS code, a name or an ID number: the
// event log it copies carries none.
import { CompactSign } from "jose";
import { utf8 } from "../crypto/encoding";
import type { EvidenceSources } from "../db/evidence";
import type { VerificationRow } from "../db/verifications";
import { iso } from "../domain/clock";
import { canonicalJson } from "./canonical-json";
import { signingKeys } from "./keys";
import { audienceFor, organizationClaims, type TokenContext } from "./result-token";

/** `typ` of the evidence JWS, so it is never mistaken for a result token (whose typ is JWT). */
export const EVIDENCE_TYPE = "evidence+jwt";

type EvidenceRow = Pick<
  VerificationRow,
  | "id"
  | "partnerId"
  | "livemode"
  | "type"
  | "status"
  | "methods"
  | "method"
  | "reference"
  | "failureReason"
  | "createdAt"
  | "completedAt"
  | "orgCredentialCode"
  | "orgRegistryStatus"
  | "operatorRole"
  | "parentId"
  | "parentRole"
>;

export function evidenceRecord(issuer: string, row: EvidenceRow, sources: EvidenceSources, now: number) {
  return {
    iss: issuer,
    aud: audienceFor(row),
    sub: row.id,
    iat: Math.floor(now / 1000),
    verification: {
      id: row.id,
      type: row.type,
      status: row.status,
      methods: row.methods,
      method: row.method,
      reference: row.reference,
      livemode: row.livemode,
      failure_reason: row.failureReason,
      created_at: iso(row.createdAt),
      completed_at: iso(row.completedAt),
      ...organizationClaims(row),
      // A child (the legal representative's own verification) names the verification it is part of; a parent's children are in its events (child.created).
      ...(row.parentId ? { parent: { id: row.parentId, role: row.parentRole } } : {}),
    },
    consents: sources.consents.map((c) => ({
      id: c.id,
      kind: c.kind,
      text_version: c.textVersion,
      text_hash: c.textHash,
      // The network, not the machine: the full address is personal data we keep only while the
      // verification is open.
      ip: c.ipMasked,
      user_agent: c.userAgent,
      at: iso(c.createdAt),
    })),
    events: withMethodInEffect(sources.events).map(({ event: e, method }) => ({
      type: e.type,
      at: iso(e.createdAt),
      actor: e.actor,
      method,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      data: partnerVisible(e.data),
    })),
  };
}

// Kept in the log for operators, never shown to a partner: an applicant's account id is the
// same for every partner, and a reused verification may be another partner's, so either would
// let one partner link an applicant to another.
const OPERATOR_ONLY_DATA = ["applicant_id", "reused_from"];

function partnerVisible(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !OPERATOR_ONLY_DATA.includes(key)));
}

/** Each event with the method the applicant was using then (set by the latest `verification.start`). */
function withMethodInEffect(events: EvidenceSources["events"]) {
  let method: string | null = null;
  return events.map((event) => {
    const started = event.type === "verification.start" ? event.data.method : undefined;
    if (typeof started === "string") method = started;
    return { event, method };
  });
}

/**
 * Signs the record's canonical bytes. The public key rides along in the header (`jwk`) beside
 * its `kid`, so a stored record can be checked years later against a pinned key or an archived
 * JWKS, without asking us.
 */
export async function signEvidence(ctx: TokenContext, record: Awaited<ReturnType<typeof evidenceRecord>>): Promise<string> {
  const { signer } = await signingKeys(ctx.config);
  return new CompactSign(utf8.encode(canonicalJson(record))).setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: EVIDENCE_TYPE, jwk: signer.publicJwk }).sign(signer.key);
}

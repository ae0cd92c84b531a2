// A verification row as partners see it: masked personal data only, effective status, ISO times.
import { iso } from "../domain/clock";
import { authorizationStatus } from "../domain/authorization/record";
import { validityYearsOf } from "../domain/authorization/validity";
import { REGISTRY_STATUSES, type RegistryStatus } from "../domain/organization/registry-policy";
import { isOperatorRole } from "../domain/organization/roles";
import { effectiveStatus } from "../domain/verification/status";
import { moneyStatus } from "../domain/transfer/record";
import { AMOUNT_WINDOW_MS, triesLeft } from "../domain/transfer/amount-entry";
import type { VerificationObject } from "../http/v1/schemas";
import type { VerificationRow } from "../db/verifications";
import type { MethodName } from "../methods";

export function hostedUrl(baseUrl: string, id: string): string {
  return new URL(`/v/${id}`, baseUrl).toString();
}

export function serializeVerification(row: VerificationRow, baseUrl: string, now: number): VerificationObject {
  return {
    id: row.id,
    object: "verification",
    type: row.type,
    status: effectiveStatus(row, now),
    methods: row.methods as MethodName[],
    method: (row.method as MethodName | null) ?? null,
    url: hostedUrl(baseUrl, row.id),
    expires_at: iso(row.expiresAt)!,
    reference: row.reference,
    redirect_url: row.redirectUrl,
    locale: row.locale === "en" ? "en" : "zh-CN",
    livemode: row.livemode,
    options: {
      collect_id_validity: !!row.options.collect_id_validity,
      collect_id_images: !!row.options.collect_id_images,
      authorization_validity_years: validityYearsOf(row.options),
    },
    person: row.type === "person" ? { name: row.personNameMasked, id_number: row.personIdNumberMasked, phone: row.personPhoneMasked } : null,
    organization:
      row.type === "organization"
        ? { name: row.orgName, credential_code: row.orgCredentialCode, legal_rep_name: row.orgLegalRepNameMasked, registry_status: registryStatusOf(row.orgRegistryStatus) }
        : null,
    ...(row.type === "organization" ? { operator: operatorOf(row), authorization: authorizationOf(row, now), transfer: transferOf(row) } : {}),
    failure_reason: row.failureReason,
    failed_attempts: row.failedAttempts,
    created_at: iso(row.createdAt)!,
    completed_at: iso(row.completedAt),
  };
}

function registryStatusOf(value: string | null): RegistryStatus | null {
  return value && (REGISTRY_STATUSES as readonly string[]).includes(value) ? (value as RegistryStatus) : null;
}

/** Who acted for a verified organization: the person its child verification proved, masked. */
function operatorOf(row: VerificationRow): VerificationObject["operator"] {
  if (row.status === "verified" && isOperatorRole(row.operatorRole)) return { role: row.operatorRole, name: row.personNameMasked, id_number: row.personIdNumberMasked };
  return null;
}

/** The legal representative's authorization, as partners see it: its status, its times, the PDF's hash. */
function authorizationOf(row: VerificationRow, now: number): VerificationObject["authorization"] {
  const record = row.authorization;
  const status = authorizationStatus(row.state, record, now);
  if (!record || !status) return null;
  return { status, expires_at: iso(record.expiresAt)!, signed_at: iso(record.signedAt), letter_sha256: record.letterSha256 ?? null };
}

/** A corporate transfer, as partners see it: where the money and the letter stand, never the amount. */
function transferOf(row: VerificationRow): VerificationObject["transfer"] {
  const record = row.transfer;
  if (!record) return null;
  const letter = { status: record.letter.status, reason: record.letter.reason ?? null };
  if (record.direction === "reverse") return { direction: "reverse", status: moneyStatus(record), expires_at: iso(record.expiresAt), tries_left: null, letter };
  const payout = record.payout;
  const windowEnds = payout?.paidAt !== undefined ? payout.paidAt + AMOUNT_WINDOW_MS : null;
  return { direction: "forward", status: moneyStatus(record), expires_at: iso(windowEnds), tries_left: triesLeft({ paidAt: payout?.paidAt ?? null, wrongEntries: payout?.wrongEntries ?? 0 }), letter };
}

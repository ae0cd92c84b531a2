// What the review keeps of the licence's OCR reading, decided at upload: the organization's name and
// code in full (public registry data), the other printed facts, the warnings, and the legal
// representative's name only masked, with whether it agrees with what the operator typed (compared
// here in the clear, then only the boolean is kept). It must never keep that name in the clear,
// and an OCR fault or timeout must never stop the upload: it is kept as a status instead.
import { maskName } from "../domain/masking";
import { normaliseOrgName } from "../domain/organization/org-name";
import type { LicenceAnswer, LicenceWarning, OcrProvider } from "../providers/ocr/index";

/** The organization as the operator typed it with the upload. */
export type TypedOrganization = { orgName: string; creditCode: string; legalRepName: string };

export type LicenceReadingStatus = "read" | "not_configured" | "unavailable" | "unreadable" | "not_a_licence" | "unsupported_file";

/** Stored in the `review.requested` event's data as `licence_reading` (snake_case, as event data is). */
export type LicenceReading =
  | {
      status: "read";
      provider: string;
      serial: string;
      name: string;
      credit_code: string;
      legal_rep_name_masked: string;
      type: string;
      address: string;
      registered_capital: string;
      established_on: string;
      business_term: string;
      warnings: LicenceWarning[];
      matches: { name: boolean; credit_code: boolean; legal_rep_name: boolean };
    }
  | { status: Exclude<LicenceReadingStatus, "read">; provider: string; serial: string };

const NOT_CONFIGURED = "provider_not_configured";

/** Runs the OCR on the checked file; answers a status, never throws. */
export async function readLicence(ocr: OcrProvider, file: { bytes: Uint8Array; contentType: string }, typed: TypedOrganization): Promise<LicenceReading> {
  try {
    return keptReading(await ocr.readBusinessLicence({ image: file.bytes, contentType: file.contentType }), typed);
  } catch {
    // A throwing adapter is a fault like a timeout: the review goes ahead without a reading.
    return { status: "unavailable", provider: "", serial: "" };
  }
}

export function keptReading(answer: LicenceAnswer, typed: TypedOrganization): LicenceReading {
  if (answer.outcome === "unavailable") return { status: answer.detail === NOT_CONFIGURED ? "not_configured" : "unavailable", provider: answer.provider, serial: "" };
  if (answer.outcome === "no_match") return { status: answer.reason, provider: answer.provider, serial: answer.serial };
  return {
    status: "read",
    provider: answer.provider,
    serial: answer.serial,
    name: answer.name,
    credit_code: answer.creditCode,
    legal_rep_name_masked: answer.legalRepName === "" ? "" : maskName(answer.legalRepName),
    type: answer.type,
    address: answer.address,
    registered_capital: answer.registeredCapital,
    established_on: answer.establishedOn,
    business_term: answer.businessTerm,
    warnings: answer.warnings,
    matches: {
      name: answer.name !== "" && normaliseOrgName(answer.name) === normaliseOrgName(typed.orgName),
      credit_code: answer.creditCode !== "" && sameCode(answer.creditCode, typed.creditCode),
      legal_rep_name: answer.legalRepName !== "" && samePersonName(answer.legalRepName, typed.legalRepName),
    },
  };
}

function sameCode(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  return norm(a) === norm(b);
}

// OCR and input methods disagree on spaces and on the dot of a transliterated name (·, •, ．).
function samePersonName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/[•・．.]/g, "·")
      .toUpperCase();
  return norm(a) === norm(b);
}
